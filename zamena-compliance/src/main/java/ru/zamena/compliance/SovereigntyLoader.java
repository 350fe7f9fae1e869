package ru.zamena.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import ru.zamena.core.compliance.sovereignty.ServiceAssessment;
import ru.zamena.core.compliance.sovereignty.SovereigntyFramework;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * Reads a profile's sovereignty framework ({@code sovereignty:} in profile.yaml) and the description of a
 * service to score (YAML or JSON, which is YAML too):
 * <pre>
 * service: Example Cloud
 * provider: Example SE
 * required_level: 2          # optional: the minimum a tender asks for
 * objectives:
 *   SOV-1: {level: 3, evidence: "EU headquarters, no non-EU control"}
 *   ...
 * </pre>
 */
public final class SovereigntyLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SovereigntyLoader() {}

    /** The framework of profile {@code id}; fails naming the file when the profile has none or it is broken. */
    public static SovereigntyFramework framework(Path profilesDir, String id) {
        Path main = profilesDir.resolve(id).resolve("profile.yaml");
        if (!id.matches("[a-z][a-z0-9-]*") || !Files.isRegularFile(main))
            throw new ProfileLoader.ProfileException(main, "no such profile '" + id + "' (profiles are folders under " + profilesDir + ")");
        JsonNode p = read(main);
        if (!p.hasNonNull("sovereignty")) throw new ProfileLoader.ProfileException(main, "profile '" + id + "' has no sovereignty framework (key 'sovereignty')");
        Path file = main.resolveSibling(p.get("sovereignty").asText());
        JsonNode f = read(file);
        try {
            var levels = new ArrayList<SovereigntyFramework.Level>();
            for (JsonNode l : f.path("levels")) {
                if (l.path("rank").asInt(-1) != levels.size()) throw new IllegalArgumentException("levels must be listed by rank from 0, found rank " + l.path("rank"));
                levels.add(new SovereigntyFramework.Level(levels.size(), l.path("label").asText(), l.path("en").asText(), l.path("ru").asText()));
            }
            var objectives = new ArrayList<SovereigntyFramework.Objective>();
            for (JsonNode o : f.path("objectives")) {
                if (!o.path("weight").isNumber()) throw new IllegalArgumentException("objective " + o.path("id").asText() + ": weight must be a number (percent)");
                objectives.add(new SovereigntyFramework.Objective(o.path("id").asText(), o.path("en").asText(), o.path("ru").asText(),
                        o.get("weight").asDouble(), o.path("weight_unverified").asBoolean(false), o.path("about").path("en").asText(""),
                        o.path("about").path("ru").asText("")));
            }
            var unverified = new ArrayList<String>();
            f.path("unverified").forEach(u -> unverified.add(u.asText()));
            return new SovereigntyFramework(f.path("id").asText(id), f.path("name").path("en").asText(), f.path("name").path("ru").asText(),
                    f.path("source").asText(""), objectives, levels, unverified);
        } catch (IllegalArgumentException e) {
            throw new ProfileLoader.ProfileException(file, e.getMessage());
        }
    }

    /**
     * A service description from {@code text} ({@code name} names it in errors).
     *
     * @throws IllegalArgumentException "name: line L, column C: ..." for bad YAML/JSON, "name: field: ..." for a bad field
     */
    public static ServiceAssessment assessment(String text, String name) {
        JsonNode d;
        try {
            d = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new IllegalArgumentException(name + (loc == null ? "" : ": line " + loc.getLineNr() + ", column " + loc.getColumnNr())
                    + ": not valid YAML or JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (d == null || !d.isObject()) throw new IllegalArgumentException(name + ": expected a mapping with service, provider and objectives");
        if (!d.path("service").isTextual() || d.get("service").asText().isBlank()) throw new IllegalArgumentException(name + ": service: missing (the service's name)");
        if (!d.path("objectives").isObject()) throw new IllegalArgumentException(name + ": objectives: missing (a mapping SOV-1: {level: N, evidence: ...})");
        var answers = new LinkedHashMap<String, ServiceAssessment.Answer>();
        for (var e : d.get("objectives").properties()) {
            JsonNode a = e.getValue();
            JsonNode level = a.isObject() ? a.path("level") : a;
            if (!level.isIntegralNumber()) throw new IllegalArgumentException(name + ": objectives." + e.getKey() + ".level: must be a whole number, not " + level);
            answers.put(e.getKey(), new ServiceAssessment.Answer(level.asInt(), a.path("evidence").asText(null)));
        }
        JsonNode req = d.path("required_level");
        if (!req.isMissingNode() && !req.isNull() && !req.isIntegralNumber())
            throw new IllegalArgumentException(name + ": required_level: must be a whole number, not " + req);
        return new ServiceAssessment(d.get("service").asText(), d.path("provider").asText(null), answers, req.isIntegralNumber() ? req.asInt() : null);
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ProfileLoader.ProfileException(file, "cannot read: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
