package ru.zamena.server;

import io.javalin.http.Context;
import ru.zamena.app.compliance.PurchaseService;
import ru.zamena.app.compliance.QuotaJson;

/**
 * {@code GET /orgs/{org}/quotas?year=}: the organisation's domestic share per quota position against the
 * year's minimum, from its recorded purchases (the CLI's {@code zamena quota --format json}). Viewers of
 * the organisation may read it; the store scopes by organisation.
 */
final class QuotaRoutes {
    private final PurchaseService purchases;
    /** The purchases the report is made from: recorded and listed under /orgs/{org}/purchases. */
    final PurchaseRoutes recorded;

    QuotaRoutes(PurchaseService purchases, long maxUploadBytes) {
        this.purchases = purchases;
        this.recorded = new PurchaseRoutes(purchases, maxUploadBytes);
    }

    void quotas(Context ctx) {
        var caller = Auth.required(ctx);
        String org = ctx.pathParam("org");
        String y = Params.text(ctx, "year");
        if (y == null || !y.matches("\\d{4}")) throw ApiException.badParameter("year", "year must be a four-digit year, e.g. 2024");
        String lang = CheckRoutes.lang(ctx);
        String profile = ctx.queryParamAsClass("profile", String.class).getOrDefault("ru");
        ctx.json(QuotaJson.of(purchases.quotas(caller, org, Integer.parseInt(y), profile), org, lang));
    }
}
