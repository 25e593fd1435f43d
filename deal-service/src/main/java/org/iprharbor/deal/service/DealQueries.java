package org.iprharbor.deal.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.iprharbor.deal.domain.Deal;
import org.iprharbor.deal.domain.DealHistoryEntry;
import org.iprharbor.deal.domain.DealState;
import org.iprharbor.deal.persistence.DealCursor;
import org.iprharbor.deal.persistence.DealSearch;
import org.iprharbor.kit.security.Caller;

import io.quarkus.panache.common.Sort;

/**
 * What callers may read: one deal, their deals page by page, a deal's audit trail.
 */
@ApplicationScoped
public class DealQueries {

    private final DealAccess access;
    private final DealSearch search;
    private final Caller caller;

    DealQueries(DealAccess access, DealSearch search, Caller caller) {
        this.access = access;
        this.search = search;
        this.caller = caller;
    }

    @Transactional
    public Deal get(UUID dealId) {
        return access.visible(dealId);
    }

    /** Operators see every deal; a partner those it is party to, optionally only as buyer or seller. */
    @Transactional
    public DealSearch.Slice list(DealState state, String role, UUID patentId, String cursor, int limit) {
        UUID partner = caller.isOperator() ? null : caller.id();
        return search.page(new DealSearch.Filter(partner, role, state, patentId), DealCursor.decode(cursor), limit);
    }

    @Transactional
    public List<DealHistoryEntry> history(UUID dealId) {
        access.visible(dealId);
        return DealHistoryEntry.list("dealId", Sort.by("dealVersion"), dealId);
    }
}
