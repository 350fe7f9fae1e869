package ru.zamena.server;

import io.javalin.http.Context;
import ru.zamena.app.compliance.ComplianceService;
import ru.zamena.app.compliance.SovereigntyJson;

/**
 * {@code POST /sovereignty?profile=eu}: scores the described service in the body (YAML or JSON) on the
 * profile's sovereignty framework, as {@code zamena sovereignty FILE --format json} does. Readable without a key.
 */
final class SovereigntyRoutes {
    private final ComplianceService compliance;

    SovereigntyRoutes(ComplianceService compliance) {
        this.compliance = compliance;
    }

    void score(Context ctx) {
        String lang = CheckRoutes.lang(ctx);
        String profile = ctx.queryParamAsClass("profile", String.class).getOrDefault("eu");
        try {
            ctx.json(SovereigntyJson.of(compliance.sovereignty(profile, ctx.body(), "body"), lang));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("body", e.getMessage());
        }
    }
}
