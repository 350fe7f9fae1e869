package ru.zamena.server;

import io.javalin.http.Context;
import ru.zamena.app.compliance.ComplianceService;
import ru.zamena.app.compliance.ComplianceService.Outcome;
import ru.zamena.app.compliance.DecisionJson;
import ru.zamena.core.compliance.Law;
import ru.zamena.ingest.InputException;
import ru.zamena.ingest.procurement.ProcurementReaders;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /check}: the body is a procurement file (line-item CSV, OCDS JSON or JSON Lines, EIS XML,
 * UTF-8); the answer lists a decision per item in input order (the CLI's JSON Lines objects), the rejected
 * items with their reasons, and the counts. Readable without a key, like the catalog it draws on.
 */
final class CheckRoutes {
    private final ComplianceService compliance;

    CheckRoutes(ComplianceService compliance) {
        this.compliance = compliance;
    }

    /** The {@code lang} parameter of the compliance routes: en (default) or ru. */
    static String lang(Context ctx) {
        String lang = ctx.queryParamAsClass("lang", String.class).getOrDefault("en");
        if (!lang.equals("en") && !lang.equals("ru")) throw ApiException.badParameter("lang", "lang must be en or ru");
        return lang;
    }

    /** The {@code law} parameter: the law of items whose input does not state it (OCDS); none by default. */
    static Law law(Context ctx) {
        try {
            return Law.parse(ctx.queryParamAsClass("law", String.class).getOrDefault("none"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("law", e.getMessage());
        }
    }

    void check(Context ctx) {
        String lang = lang(ctx);
        LocalDate date = null;
        String d = Params.text(ctx, "date");
        if (d != null) {
            try {
                date = LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                throw ApiException.badParameter("date", "date must be YYYY-MM-DD");
            }
        }
        Law law = law(ctx);
        boolean kii = Boolean.parseBoolean(ctx.queryParam("kii"));
        boolean justification = Boolean.parseBoolean(ctx.queryParam("justification"));
        var options = new ComplianceService.Options(ctx.queryParamAsClass("profile", String.class).getOrDefault("ru"), date,
                new ProcurementReaders.Defaults(law, kii));
        var items = new ArrayList<Map<String, Object>>();
        var rejected = new ArrayList<Map<String, Object>>();
        ComplianceService.Counts counts;
        try {
            counts = compliance.check(new InputStreamReader(ctx.bodyInputStream(), StandardCharsets.UTF_8), "body", options, outcome -> {
                switch (outcome) {
                    case Outcome.Decided dec -> items.add(DecisionJson.of(dec.decision(), lang, justification));
                    case Outcome.Rejected r -> {
                        var m = new LinkedHashMap<String, Object>();
                        m.put("id", r.itemId());
                        m.put("error", r.problem().getMessage());
                        rejected.add(m);
                    }
                }
            });
        } catch (InputException e) {
            throw ApiException.badParameter("body", e.getMessage());
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("profile", options.profile());
        out.put("items", items);
        out.put("rejected", rejected);
        out.put("counts", Map.of("read", counts.read(), "decided", counts.decided(), "rejected", counts.rejected(), "not_allowed", counts.findings()));
        ctx.json(out);
    }
}
