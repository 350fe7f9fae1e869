package ru.zamena.app.audit;

import ru.zamena.core.tenancy.Caller;
import ru.zamena.store.AuditStore;
import ru.zamena.store.ReviewStore;

import java.util.Collection;
import java.util.List;

/**
 * The review queue: doubtful matches an audit could not decide, and the decisions people make on
 * them. Decisions become judgments that decide the same name in every later audit of the
 * organisation; accepted names become organisation aliases an operator admin may promote.
 */
public final class ReviewService {
    private final ReviewStore store;
    private final AuditService audits;

    public ReviewService(ReviewStore store, AuditService audits) {
        this.store = store;
        this.audits = audits;
    }

    public List<ReviewStore.ReviewItem> queue(Caller caller, String orgSlug, String status, int limit) {
        return store.queue(caller, org(caller, orgSlug), status, limit);
    }

    public ReviewStore.ReviewItem item(Caller caller, String orgSlug, long id) {
        return store.item(caller, org(caller, orgSlug), id);
    }

    public ReviewStore.ReviewItem decide(Caller caller, String orgSlug, long id, ReviewStore.Decision decision, String productId, String note) {
        return store.decide(caller, org(caller, orgSlug), id, decision, productId, note);
    }

    public List<AuditStore.Judgment> judgments(Caller caller, String orgSlug) {
        return store.judgments(caller, org(caller, orgSlug));
    }

    public List<ReviewStore.Promoted> promote(Caller caller, String orgSlug, Collection<String> aliases) {
        return store.promote(caller, orgSlug, aliases);
    }

    private String org(Caller caller, String orgSlug) {
        return orgSlug == null ? audits.defaultOrganisation(caller) : orgSlug;
    }
}
