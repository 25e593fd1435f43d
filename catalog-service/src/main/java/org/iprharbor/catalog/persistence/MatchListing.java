package org.iprharbor.catalog.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.iprharbor.catalog.domain.NeedMatch;

/**
 * The active matches of one need or one patent, best first, by keyset over (score, id).
 */
@ApplicationScoped
public class MatchListing {

    private final EntityManager entityManager;

    MatchListing(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public SearchSql.Page<NeedMatch> ofNeed(UUID needId, SearchCursor after, int limit) {
        return page("m.need_id = :anchor", needId, after, limit);
    }

    public SearchSql.Page<NeedMatch> ofPatent(UUID patentId, SearchCursor after, int limit) {
        return page("m.patent_id = :anchor", patentId, after, limit);
    }

    private SearchSql.Page<NeedMatch> page(String anchor, UUID id, SearchCursor after, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("anchor", id);
        return SearchSql.page(entityManager, "need_match", "m", anchor + " AND m.status = 'ACTIVE'", parameters, null,
                "CAST(m.score AS real)", after, limit, ids -> NeedMatch.<NeedMatch>list("id in ?1", ids).stream()
                        .collect(Collectors.toMap(match -> match.id, Function.identity())));
    }
}
