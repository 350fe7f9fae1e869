package ru.zamena.app.compliance;

import ru.zamena.core.compliance.Analogue;
import ru.zamena.core.compliance.Decision;
import ru.zamena.core.compliance.JustificationDraft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A decision as the CLI's JSON Lines and the REST API write it, one shape for both:
 * {@code {"id", "verdict", "rules": [{"id", "ref", "reason"}], "analogues": [{"product", "vendor", "registry_numbers"}]}},
 * {@code "notes"} when the decision rests on something the input did not state (an OKPD2 code derived from CPV),
 * and, when asked for, {@code "justification"}: the editable draft for a JUSTIFICATION_REQUIRED item (null for others).
 */
public final class DecisionJson {
    private DecisionJson() {}

    public static Map<String, Object> of(Decision d, String lang, boolean justification) {
        var o = of(d, lang);
        if (justification) o.put("justification", JustificationDraft.of(d, lang).orElse(null));
        return o;
    }

    public static Map<String, Object> of(Decision d, String lang) {
        var o = new LinkedHashMap<String, Object>();
        o.put("id", d.itemId());
        o.put("verdict", d.verdict().name());
        var rules = new ArrayList<Map<String, Object>>();
        for (Decision.Fired f : d.fired()) {
            var r = new LinkedHashMap<String, Object>();
            r.put("id", f.rule().id());
            r.put("ref", f.rule().reference().cite(lang));
            r.put("reason", f.reason(lang));
            rules.add(r);
        }
        o.put("rules", rules);
        var analogues = new ArrayList<Map<String, Object>>();
        for (Analogue a : d.analogues()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("product", a.name());
            m.put("vendor", a.vendor());
            m.put("registry_numbers", a.registryNumbers());
            analogues.add(m);
        }
        o.put("analogues", analogues);
        // only when there is something to say (e.g. an OKPD2 code derived from CPV), so other lines keep the plain shape
        if (!d.notes().isEmpty()) o.put("notes", d.notes().stream().map(n -> n.text(lang)).toList());
        return o;
    }
}
