package ru.zamena.app.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import ru.zamena.core.targets.OrgKind;
import ru.zamena.core.targets.Target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

/**
 * The jurisdiction profile's targets ({@code <profiles>/<id>/targets.yaml}): per measure and
 * organisation class. A missing file means no profile targets; a broken one fails on load with
 * the file and entry named.
 */
public final class ProfileTargets {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final String profile;
    private final Map<OrgKind.TargetClass, Map<String, Target>> byClass;

    private ProfileTargets(String profile, Map<OrgKind.TargetClass, Map<String, Target>> byClass) {
        this.profile = profile;
        this.byClass = byClass;
    }

    public static ProfileTargets none() {
        return new ProfileTargets("none", Map.of());
    }

    public static ProfileTargets load(Path profilesDir, String profile) {
        Path file = profilesDir.resolve(profile).resolve("targets.yaml");
        if (!Files.isRegularFile(file)) return new ProfileTargets(profile, Map.of());
        var out = new EnumMap<OrgKind.TargetClass, Map<String, Target>>(OrgKind.TargetClass.class);
        try {
            JsonNode list = YAML.readTree(file.toFile()).path("targets");
            int i = 0;
            for (JsonNode t : list) {
                i++;
                String where = file.getFileName() + ": target " + i;
                String measure = text(t, "measure", where);
                MeasureId.of(measure);
                var target = new Target(measure, number(t, "value", where), (int) number(t, "year", where),
                        "profile " + profile + ": " + text(t, "source", where), null, t.path("unverified").asBoolean(false));
                for (JsonNode c : t.path("applies_to")) {
                    var cls = OrgKind.TargetClass.valueOf(c.asText().toUpperCase(Locale.ROOT));
                    if (out.computeIfAbsent(cls, k -> new LinkedHashMap<>()).putIfAbsent(measure, target) != null)
                        throw new IllegalArgumentException(where + ": a second target for " + measure + " and " + c.asText());
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        return new ProfileTargets(profile, out);
    }

    public Optional<Target> target(OrgKind.TargetClass cls, MeasureId measure) {
        return Optional.ofNullable(byClass.getOrDefault(cls, Map.of()).get(measure.id()));
    }

    public String profile() {
        return profile;
    }

    private static String text(JsonNode t, String field, String where) {
        String v = t.path(field).asText(null);
        if (v == null || v.isBlank()) throw new IllegalArgumentException(where + ": '" + field + "' is missing");
        return v;
    }

    private static double number(JsonNode t, String field, String where) {
        if (!t.path(field).isNumber()) throw new IllegalArgumentException(where + ": '" + field + "' must be a number");
        return t.get(field).asDouble();
    }
}
