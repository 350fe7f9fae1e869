package ru.zamena.server;

import io.javalin.http.Context;
import ru.zamena.app.audit.ReviewService;
import ru.zamena.store.ReviewStore;

import java.util.List;
import java.util.Locale;

/**
 * The review queue of an organisation over HTTP: viewers read it, editors decide items (accept the
 * candidate, reject it, or pick another product), operator admins promote an organisation's
 * aliases into the global catalog.
 */
final class ReviewRoutes {
    private static final List<String> STATUSES = List.of("open", "accepted", "rejected", "picked");
    private final ReviewService review;

    ReviewRoutes(ReviewService review) {
        this.review = review;
    }

    record DecisionBody(String decision, String productId, String note) {}

    record PromoteBody(List<String> aliases) {}

    void queue(Context ctx) {
        String status = Params.text(ctx, "status");
        if (status != null && !STATUSES.contains(status))
            throw ApiException.badParameter("status", "status must be one of " + String.join(", ", STATUSES) + ", got '" + status + "'");
        ctx.json(review.queue(Auth.required(ctx), ctx.pathParam("org"), status, Params.limit(ctx, 100, 1000)));
    }

    void decide(Context ctx) {
        var caller = Auth.required(ctx);
        long id = AuditRoutes.id(ctx, "id");
        var body = ctx.bodyAsClass(DecisionBody.class);
        ReviewStore.Decision decision;
        try {
            decision = ReviewStore.Decision.valueOf(String.valueOf(body.decision()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("decision", "decision must be accept, reject or pick, got '" + body.decision() + "'");
        }
        if (decision == ReviewStore.Decision.PICK && (body.productId() == null || body.productId().isBlank()))
            throw ApiException.badParameter("product_id", "pick needs the product_id of the product to match");
        ctx.json(review.decide(caller, ctx.pathParam("org"), id, decision, body.productId() == null ? null : body.productId().strip(), body.note()));
    }

    void promote(Context ctx) {
        var caller = Auth.required(ctx);
        List<String> aliases = List.of();
        if (!ctx.body().isBlank()) {
            var body = ctx.bodyAsClass(PromoteBody.class);
            if (body.aliases() != null) aliases = body.aliases();
        }
        ctx.json(review.promote(caller, ctx.pathParam("org"), aliases));
    }
}
