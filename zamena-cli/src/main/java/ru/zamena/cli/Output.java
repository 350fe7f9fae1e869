package ru.zamena.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Prints results as an aligned text table or as JSON: the two formats every command offers. */
final class Output {
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    enum Format { table, json }

    private Output() {}

    /** Tests capture output here; normally null and output goes to stdout in UTF-8 whatever the locale. */
    static volatile PrintStream capture;
    private static final PrintStream STDOUT = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);

    static PrintStream out() {
        PrintStream c = capture;
        return c != null ? c : STDOUT;
    }

    static void json(PrintStream out, Object value) {
        try {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plain table: header, a rule, rows; columns padded to the widest cell (cells cut at 60 characters). */
    static void table(PrintStream out, List<String> header, List<List<String>> rows) {
        int n = header.size();
        int[] width = new int[n];
        var all = new ArrayList<List<String>>();
        all.add(header);
        all.addAll(rows);
        for (List<String> r : all) for (int i = 0; i < n; i++) width[i] = Math.max(width[i], cell(r, i).length());
        for (int k = 0; k < all.size(); k++) {
            var sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                String c = cell(all.get(k), i);
                sb.append(c);
                if (i < n - 1) sb.append(" ".repeat(width[i] - c.length() + 2));
            }
            out.println(sb.toString().stripTrailing());
            if (k == 0) {
                var rule = new StringBuilder();
                for (int i = 0; i < n; i++) rule.append("-".repeat(width[i])).append(i < n - 1 ? "  " : "");
                out.println(rule);
            }
        }
    }

    private static String cell(List<String> row, int i) {
        String c = i < row.size() && row.get(i) != null ? row.get(i) : "";
        c = c.replace('\n', ' ').replace('\t', ' ');
        return c.length() > 60 ? c.substring(0, 59) + "…" : c;
    }
}
