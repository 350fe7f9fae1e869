package ru.zamena.server;

import io.javalin.http.Context;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.store.TenantStore;

import java.util.Locale;
import java.util.Optional;

/**
 * API keys: {@code Authorization: Bearer zk_...} or {@code X-API-Key: zk_...}. A key that is
 * presented is always checked, also on public routes, so a typo or a revoked key is reported
 * (401) rather than silently downgraded to anonymous access.
 */
final class Auth {
    private static final String ATTRIBUTE = "zamena.caller";
    private final TenantStore tenants;

    Auth(TenantStore tenants) {
        this.tenants = tenants;
    }

    /** Before-handler for the API: resolves the presented key, if any, to a caller. */
    void authenticate(Context ctx) {
        String secret = presentedKey(ctx);
        if (secret == null) return;
        Caller caller = tenants.authenticate(secret)
                .orElseThrow(() -> ApiException.unauthorized("the API key is unknown or revoked"));
        ctx.attribute(ATTRIBUTE, caller);
    }

    /** The caller of a route that needs a key. */
    static Caller required(Context ctx) {
        return optional(ctx).orElseThrow(() -> ApiException.unauthorized(
                "this needs an API key: send 'Authorization: Bearer zk_...' or 'X-API-Key: zk_...'"));
    }

    static Optional<Caller> optional(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    private static String presentedKey(Context ctx) {
        String header = ctx.header("X-API-Key");
        if (header != null && !header.isBlank()) return header.strip();
        String authorization = ctx.header("Authorization");
        if (authorization == null || authorization.isBlank()) return null;
        String a = authorization.strip();
        if (!a.toLowerCase(Locale.ROOT).startsWith("bearer "))
            throw ApiException.unauthorized("only 'Authorization: Bearer <API key>' is supported");
        return a.substring("bearer ".length()).strip();
    }
}
