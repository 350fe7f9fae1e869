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
        if (!caller.may(slug, needed) && !(needed == Role.VIEWER && readsAsAncestor(h, caller, slug)))
            throw new AccessDeniedException("no " + needed.name().toLowerCase(Locale.ROOT) + " access to organisation '" + slug + "'");
        return h.createQuery("select id from organisation where slug = :s").bind("s", slug).mapTo(Long.class).findOne()
                .orElseThrow(() -> new NotFoundException("organisation " + slug));
    }

    /**
     * The hierarchy rule: an organisation may read (never change) the data of the organisations
     * below it — a ministry sees its agencies and their units; siblings and parents stay closed.
     */
    static boolean readsAsAncestor(Handle h, Caller caller, String slug) {
        if (caller.orgSlug() == null || !caller.role().atLeast(Role.VIEWER)) return false;
        return h.createQuery("""
                        with recursive up as (select id, parent_id from organisation where slug = :s
                                              union all select o.id, o.parent_id from organisation o join up on o.id = up.parent_id)
                        select exists (select 1 from up where up.parent_id = :caller)""")
                .bind("s", slug).bind("caller", caller.orgId()).mapTo(Boolean.class).one();
    }
}
