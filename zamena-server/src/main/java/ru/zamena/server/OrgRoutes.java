package ru.zamena.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import ru.zamena.core.targets.OrgKind;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;
import ru.zamena.core.text.NameKey;
import ru.zamena.store.AccessDeniedException;
import ru.zamena.store.NotFoundException;
import ru.zamena.store.TenantStore;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Organisations and their private data. Every route needs a key; TenantStore decides what the
 * caller may see or change (it is the one place that scopes by tenant) and records writes in the
 * audit log. Handlers only parse, call and shape the answer.
 */
final class OrgRoutes {
    // Same rule as the organisation.slug check constraint: refuse early with a 400 instead of a database error.
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private final TenantStore tenants;
    private final ObjectMapper json;

    OrgRoutes(TenantStore tenants, ObjectMapper json) {
        this.tenants = tenants;
        this.json = json;
    }

    void list(Context ctx) {
        ctx.json(tenants.organisations(Auth.required(ctx)).stream().map(Dto::organisation).toList());
    }

    void create(Context ctx) {
        Caller caller = Auth.required(ctx);
        var body = ctx.bodyAsClass(Dto.NewOrganisation.class);
        if (body.slug() == null || !SLUG.matcher(body.slug()).matches())
            throw ApiException.badParameter("slug", "slug must be 1-63 lower-case letters, digits or '-', starting with a letter or digit");
        if (body.name() == null || body.name().isBlank()) throw ApiException.badParameter("name", "name must not be empty");
        var org = tenants.createOrganisation(caller, body.slug(), body.name().strip(), body.parent(), Boolean.TRUE.equals(body.operator()),
                kind(body.kind()));
        ctx.status(201).header("Location", "/api/v1/orgs/" + org.slug()).json(Dto.organisation(org));
    }

    void update(Context ctx) {
        Caller caller = Auth.required(ctx);
        var body = ctx.bodyAsClass(Dto.OrganisationChange.class);
        if (body.kind() == null && body.parent() == null) throw ApiException.badParameter("kind", "give kind or parent (or both)");
        ctx.json(Dto.organisation(tenants.updateOrganisation(caller, ctx.pathParam("org"), kind(body.kind()), body.parent())));
    }

    /** The kind as sent, checked here for a 400 that names the field. */
    private static String kind(String kind) {
        try {
            OrgKind k = OrgKind.of(kind);
            return k == null ? null : k.word();
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("kind", e.getMessage());
        }
    }

    void get(Context ctx) {
        Caller caller = Auth.required(ctx);
        String slug = ctx.pathParam("org");
        // Answer 403 for organisations the caller may not see, whether or not they exist: existence is not public.
        if (!caller.may(slug, Role.VIEWER)) throw new AccessDeniedException("no access to organisation '" + slug + "'");
        ctx.json(tenants.organisations(caller).stream().filter(o -> o.slug().equals(slug)).findFirst()
                .map(Dto::organisation).orElseThrow(() -> new NotFoundException("organisation '" + slug + "'")));
    }

    void apiKeys(Context ctx) {
        ctx.json(tenants.apiKeys(Auth.required(ctx), ctx.pathParam("org")).stream().map(Dto::apiKey).toList());
    }

    void createApiKey(Context ctx) {
        Caller caller = Auth.required(ctx);
        var body = ctx.bodyAsClass(Dto.NewApiKey.class);
        if (body.name() == null || body.name().isBlank()) throw ApiException.badParameter("name", "name must not be empty");
        Role role = role(body.role());
        ctx.status(201).json(Dto.createdApiKey(tenants.createApiKey(caller, ctx.pathParam("org"), body.name().strip(), role)));
    }

    void revokeApiKey(Context ctx) {
        tenants.revokeApiKey(Auth.required(ctx), ctx.pathParam("org"), ctx.pathParam("prefix"));
        ctx.status(204);
    }

    void aliases(Context ctx) {
        ctx.json(tenants.aliases(Auth.required(ctx), ctx.pathParam("org")).stream().map(Dto::alias).toList());
    }

    void alias(Context ctx) {
        String org = ctx.pathParam("org"), alias = ctx.pathParam("alias");
        // Aliases match ignoring case and punctuation, as the store compares them; the list is small.
        String key = NameKey.compact(alias);
        ctx.json(tenants.aliases(Auth.required(ctx), org).stream()
                .filter(a -> NameKey.compact(a.alias()).equals(key)).findFirst()
                .map(Dto::alias).orElseThrow(() -> new NotFoundException("alias '" + alias + "' of " + org)));
    }

    void putAlias(Context ctx) {
        Caller caller = Auth.required(ctx);
        var body = ctx.bodyAsClass(Dto.AliasBody.class);
        if (body.productId() == null || body.productId().isBlank()) throw ApiException.badParameter("product_id", "product_id must not be empty");
        var stored = tenants.putAlias(caller, ctx.pathParam("org"), ctx.pathParam("alias"), body.productId().strip(), body.note());
        ctx.json(Dto.alias(stored));
    }

    void deleteAlias(Context ctx) {
        tenants.deleteAlias(Auth.required(ctx), ctx.pathParam("org"), ctx.pathParam("alias"));
        ctx.status(204);
    }

    void auditLog(Context ctx) {
        Caller caller = Auth.required(ctx);
        int limit = Params.limit(ctx, 100, 500);
        ctx.json(tenants.auditLog(caller, ctx.pathParam("org"), limit).stream().map(e -> Dto.audit(e, json)).toList());
    }

    private static Role role(String role) {
        if (role == null) throw ApiException.badParameter("role", "role is required: viewer, editor or admin");
        try {
            return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("role", "role must be viewer, editor or admin, got '" + role + "'");
        }
    }
}
