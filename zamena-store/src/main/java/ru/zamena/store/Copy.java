package ru.zamena.store;

import java.util.List;

/** Rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
final class Copy {
    private Copy() {}

    static void row(StringBuilder sb, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) sb.append('\t');
            Object v = values[i];
            if (v == null) sb.append("\\N");
            else escape(sb, v.toString());
        }
        sb.append('\n');
    }

    /** A text[] literal: {"a","b"} with quotes and backslashes escaped inside the elements. */
    static String array(List<String> values) {
        var sb = new StringBuilder("{");
        for (String v : values) {
            if (sb.length() > 1) sb.append(',');
            sb.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }

    private static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\u0000' -> { } // PostgreSQL text cannot hold NUL; it carries no meaning in a name
                default -> sb.append(c);
            }
        }
    }
}
