package org.iprharbor.catalog.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.iprharbor.catalog.domain.Need;

/**
 * Searches needs with the patents' query language: full text and substrings over titles, descriptions and keywords,
 * IPC prefix, territory and deal type, keyset pagination and facets. Budgets are never searchable.
 */
@ApplicationScoped
public class NeedSearch {

    private final EntityManager entityManager;

    NeedSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** How many matching needs fall into each IPC section, territory and deal type. */
    public record Facets(Map<String, Long> ipcSections, Map<String, Long> countries, Map<String, Long> dealTypes) {
    }

    public SearchSql.Page<Need> search(NeedCriteria criteria, Viewer viewer, SearchSort sort, SearchCursor after, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(criteria, viewer, parameters);
        String rank = sort == SearchSort.RELEVANCE ? SearchSql.rank("n", criteria.text(), parameters) : null;
        return SearchSql.page(entityManager,
                rank == null ? "need" : SearchSql.rankedCandidates("need", "n", where), "n", rank == null ? where : "TRUE", parameters,
                "n.posted_at", rank, after, limit,
                ids -> Need.<Need>list("id in ?1", ids).stream().collect(Collectors.toMap(need -> need.id, Function.identity())));
    }

    public Facets facets(NeedCriteria criteria, Viewer viewer) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String matching = "SELECT n.id, n.ipc_classes, n.territories, n.deal_types FROM need n WHERE " + where(criteria, viewer, parameters);
        return new Facets(
                SearchSql.counts(entityManager, "SELECT substr(c, 1, 1), count(DISTINCT m.id) FROM (" + matching + ") m, jsonb_array_elements_text(m.ipc_classes) c GROUP BY 1", parameters),
                SearchSql.counts(entityManager, "SELECT t, count(*) FROM (" + matching + ") m, jsonb_array_elements_text(m.territories) t GROUP BY 1", parameters),
                SearchSql.counts(entityManager, "SELECT d, count(*) FROM (" + matching + ") m, jsonb_array_elements_text(m.deal_types) d GROUP BY 1", parameters));
    }

    private static String where(NeedCriteria criteria, Viewer viewer, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        SearchSql.text(conditions, parameters, "n", criteria.text());
        conditions.add("n.status = :status");
        parameters.put("status", criteria.status() == null ? "OPEN" : criteria.status().name());
        if (!viewer.operator()) {
            conditions.add("(n.status <> 'CLOSED' OR n.owner_id = :viewer)");
            parameters.put("viewer", viewer.partnerId());
        }
        SearchSql.contains(conditions, parameters, "n.ipc_prefixes", "ipc", criteria.ipcPrefix());
        SearchSql.contains(conditions, parameters, "n.territories", "country", criteria.country());
        SearchSql.contains(conditions, parameters, "n.deal_types", "dealType", criteria.dealType() == null ? null : criteria.dealType().name());
        SearchSql.equal(conditions, parameters, "n.owner_id", "owner", criteria.owner());
        return String.join(" AND ", conditions);
    }
}
