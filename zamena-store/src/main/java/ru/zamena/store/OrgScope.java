package ru.zamena.store;

import org.jdbi.v3.core.Handle;
import ru.zamena.core.tenancy.Caller;
import ru.zamena.core.tenancy.Role;

import java.util.Locale;

/** Resolves the organisation a query is scoped to, after checking the caller may act on it. */
final class OrgScope {
    private OrgScope() {}

    /**
     * The id of {@code slug}. A caller without access is refused before the organisation is looked
     * up, so outsiders cannot learn which organisations exist.
     */
    static long orgId(Handle h, Caller caller, String slug, Role needed) {
        if (!caller.may(slug, needed))
            throw new AccessDeniedException("no " + needed.name().toLowerCase(Locale.ROOT) + " access to organisation '" + slug + "'");
        return h.createQuery("select id from organisation where slug = :s").bind("s", slug).mapTo(Long.class).findOne()
                .orElseThrow(() -> new NotFoundException("organisation " + slug));
    }
}
