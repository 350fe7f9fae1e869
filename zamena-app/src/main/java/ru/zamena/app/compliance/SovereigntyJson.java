package ru.zamena.app.compliance;

import ru.zamena.core.compliance.sovereignty.SovereigntyFramework;
import ru.zamena.core.compliance.sovereignty.SovereigntyScore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sovereignty score as the CLI's JSON and the REST API write it:
 * {@code {"framework", "service", "provider", "score", "level", "level_name", "limited_by", "required_level",
 * "meets_required", "objectives": [{"id", "name", "weight_percent", "weight_unverified", "level", "contribution", "evidence"}], "unverified"}}.
 */
public final class SovereigntyJson {
    private SovereigntyJson() {}

    public static Map<String, Object> of(SovereigntyScore s, String lang) {
        SovereigntyFramework f = s.framework();
        var o = new LinkedHashMap<String, Object>();
        o.put("framework", "ru".equals(lang) ? f.nameRu() : f.nameEn());
        o.put("service", s.assessment().service());
        o.put("provider", s.assessment().provider());
        o.put("score", s.score());
        o.put("level", s.level().label());
        o.put("level_name", s.level().name(lang));
        o.put("limited_by", s.limitedBy());
        Integer req = s.assessment().requiredLevel();
        o.put("required_level", req == null ? null : f.level(req).label());
        o.put("meets_required", s.meetsRequired());
        var lines = new ArrayList<Map<String, Object>>();
        for (SovereigntyScore.Line l : s.lines()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", l.objective().id());
            m.put("name", l.objective().name(lang));
            m.put("weight_percent", l.objective().weightPercent());
            m.put("weight_unverified", l.objective().weightUnverified());
            m.put("level", f.level(l.level()).label());
            m.put("contribution", Math.round(l.contribution() * 100) / 100.0);
            m.put("evidence", l.evidence());
            lines.add(m);
        }
        o.put("objectives", lines);
        o.put("unverified", f.unverified());
        return o;
    }
}
