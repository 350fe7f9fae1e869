package ru.zamena.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import ru.zamena.core.compliance.Coverage;
import ru.zamena.core.compliance.CpvMapping;
import ru.zamena.core.compliance.Law;
import ru.zamena.core.compliance.LegalReference;
import ru.zamena.core.compliance.Profile;
import ru.zamena.core.compliance.Quota;
import ru.zamena.core.compliance.Rule;
import ru.zamena.core.compliance.Scope;
import ru.zamena.core.compliance.Verdict;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a jurisdiction profile from {@code <profiles>/<id>/}: {@code profile.yaml} (name, country groups,
 * the first date covered, the rule files and the quota table) and the rule files it lists. The format is
 * described in docs/compliance.md. Every problem names the file and the rule.
 */
public final class ProfileLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ProfileLoader() {}

    public static Profile load(Path profilesDir, String id) {
        Path dir = profilesDir.resolve(id);
        Path main = dir.resolve("profile.yaml");
        if (!id.matches("[a-z][a-z0-9-]*") || !Files.isRegularFile(main))
            throw new ProfileException(main, "no such profile '" + id + "' (profiles are folders under " + profilesDir + ")");
        JsonNode p = read(main);
        var groups = new LinkedHashMap<String, Set<String>>();
        p.path("groups").properties().forEach(e -> {
            var set = new LinkedHashSet<String>();
            for (JsonNode c : e.getValue()) {
                // unquoted NO (Norway) is the boolean false in YAML: refuse anything but a two-letter code
                if (!c.isTextual() || !c.asText().matches("[A-Za-z]{2}"))
                    throw new ProfileException(main, "groups." + e.getKey() + ": '" + c.asText() + "' is not an ISO alpha-2 country code (write NO in quotes)");
                set.add(c.asText().toUpperCase(Locale.ROOT));
            }
            groups.put(e.getKey(), set);
        });
        LocalDate coversFrom = date(main, id, p.path("covers_from"), "covers_from");
        var rules = new ArrayList<Rule>();
        var ids = new HashSet<String>();
        for (JsonNode f : p.path("rule_files")) {
            Path file = dir.resolve(f.asText());
            JsonNode list = read(file);
            if (!list.isArray()) throw new ProfileException(file, "expected a list of rules");
            for (JsonNode r : list) {
                Rule rule = rule(file, r);
                if (!ids.add(rule.id())) throw new ProfileException(file, "rule " + rule.id() + " is defined twice");
                rules.add(rule);
            }
        }
        for (Rule r : rules)
            for (String replaced : r.replaces())
                if (!ids.contains(replaced)) throw new ProfileException(main, "rule " + r.id() + " replaces unknown rule " + replaced);
        List<Quota> quotas = p.hasNonNull("quotas") ? QuotaTable.read(dir.resolve(p.get("quotas").asText())) : List.of();
        Set<Law> quotaLaws = EnumSet.noneOf(Law.class);
        try {
            for (JsonNode l : p.path("quota_laws")) quotaLaws.add(Law.parse(l.asText()));
        } catch (IllegalArgumentException e) {
            throw new ProfileException(main, "quota_laws: " + e.getMessage());
        }
        CpvMapping cpv = p.hasNonNull("cpv_okpd2") ? CpvTable.read(dir.resolve(p.get("cpv_okpd2").asText())) : CpvMapping.NONE;
        return new Profile(id, text(p.path("name"), "en"), coversFrom, groups, rules, quotas, quotaLaws, cpv);
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ProfileException(file, "cannot read: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static Rule rule(Path file, JsonNode r) {
        String id = r.path("id").asText("");
        if (id.isBlank()) throw new ProfileException(file, "a rule without an id");
        try {
            JsonNode ref = r.path("ref");
            var reference = new LegalReference(ref.path("act").asText(""), ref.path("act_ru").asText(null), ref.path("number").asText(null),
                    ref.hasNonNull("date") ? date(file, id, ref.get("date"), "ref.date") : null,
                    ref.path("article").asText(null), ref.path("url").asText(null));
            JsonNode scope = r.path("scope");
            Set<Law> laws = EnumSet.noneOf(Law.class);
            for (JsonNode l : scope.path("laws")) laws.add(Law.parse(l.asText()));
            String kii = scope.path("kii").asText("any");
            Boolean kiiFlag = switch (kii) {
                case "any" -> null;
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("scope.kii must be true, false or any, not '" + kii + "'");
            };
            JsonNode covers = r.path("covers");
            return new Rule(id, text(r.path("title"), "ru"), text(r.path("title"), "en"), reference,
                    date(file, id, r.path("effective_from"), "effective_from"),
                    r.hasNonNull("effective_to") ? date(file, id, r.get("effective_to"), "effective_to") : null,
                    new Scope(laws, kiiFlag),
                    new Coverage(codes(covers.path("okpd2")), strings(covers.path("software_classes")), strings(covers.path("categories")),
                            codes(r.path("except").path("okpd2"))),
                    r.path("when").asText(""), verdict(r.path("verdict").asText("")),
                    text(r.path("reason"), "ru"), text(r.path("reason"), "en"),
                    strings(r.path("documents")), strings(r.path("replaces")), strings(r.path("unverified")));
        } catch (IllegalArgumentException e) {
            throw new ProfileException(file, "rule " + id + ": " + e.getMessage());
        }
    }

    private static Verdict verdict(String s) {
        try {
            return Verdict.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("verdict must be one of ALLOWED, PREFERENCE, RESTRICTED, JUSTIFICATION_REQUIRED, PROHIBITED, not '" + s + "'");
        }
    }

    /** OKPD2 codes must be quoted in YAML: unquoted 26.20 would be read as the number 26.2. */
    private static List<String> codes(JsonNode list) {
        var out = new ArrayList<String>();
        for (JsonNode c : list) {
            if (!c.isTextual()) throw new IllegalArgumentException("write OKPD2 code " + c + " in quotes (unquoted it is a number and loses trailing zeros)");
            if (!ru.zamena.core.compliance.Okpd2.valid(c.asText())) throw new IllegalArgumentException("'" + c.asText() + "' is not an OKPD2 code");
            out.add(c.asText());
        }
        return out;
    }

    private static List<String> strings(JsonNode list) {
        var out = new ArrayList<String>();
        for (JsonNode s : list) out.add(s.asText());
        return out;
    }

    private static String text(JsonNode node, String language) {
        return node.isTextual() ? node.asText() : node.path(language).asText("");
    }

    private static LocalDate date(Path file, String id, JsonNode node, String field) {
        try {
            return LocalDate.parse(node.asText(""));
        } catch (DateTimeParseException e) {
            throw new ProfileException(file, (id == null ? "" : "rule " + id + ": ") + field + " must be a date YYYY-MM-DD, not '" + node.asText("") + "'");
        }
    }

    /** A broken profile: the file and what is wrong. An {@link IllegalArgumentException}, so the CLI reports it as a usage/input error. */
    public static final class ProfileException extends IllegalArgumentException {
        public ProfileException(Path file, String message) {
            super(file + ": " + message);
        }
    }

    /** Lists the profiles under {@code profilesDir}. */
    public static List<String> available(Path profilesDir) {
        try (var s = Files.list(profilesDir)) {
            return s.filter(d -> Files.isRegularFile(d.resolve("profile.yaml"))).map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

}
