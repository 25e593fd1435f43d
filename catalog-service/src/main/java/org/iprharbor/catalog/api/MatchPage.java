package org.iprharbor.catalog.api;

import java.util.List;

import org.iprharbor.catalog.domain.NeedMatch;
import org.iprharbor.catalog.persistence.SearchSql;
import org.iprharbor.catalog.service.MatchService;

/**
 * One page of matches, best first; pass {@code nextCursor} back as {@code cursor} for the next (null on the last).
 */
public record MatchPage(List<MatchView> items, String nextCursor, int limit) {

    static MatchPage of(SearchSql.Page<NeedMatch> page, MatchService matches, int limit) {
        return new MatchPage(matches.detailed(page.items()).stream().map(MatchView::of).toList(),
                page.next() == null ? null : page.next().encode(), limit);
    }
}
