package ru.zamena.core.compliance;

import java.util.Collection;
import java.util.Map;

/** Fills {@code ${name}} in a reason text from the item's variables; an empty value reads as "unknown". */
final class Templates {
    private Templates() {}

    static String fill(String template, Map<String, Object> variables) {
        if (template == null) return "";
        var sb = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int start = template.indexOf("${", i);
            int end = start < 0 ? -1 : template.indexOf('}', start);
            if (end < 0) {
                sb.append(template, i, template.length());
                break;
            }
            sb.append(template, i, start);
            Object v = variables.get(template.substring(start + 2, end));
            String text = v instanceof Collection<?> c ? String.join(", ", c.stream().map(String::valueOf).toList()) : v == null ? "" : v.toString();
            sb.append(text.isEmpty() ? "?" : text);
            i = end + 1;
        }
        return sb.toString();
    }
}
