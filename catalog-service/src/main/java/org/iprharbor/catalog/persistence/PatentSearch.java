package org.iprharbor.catalog.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.iprharbor.catalog.domain.Patent;

/**
 * Searches patents in PostgreSQL: full text ({@code simple} configuration, so no language's stemming is
 * imposed on another's) for alphabetic scripts, trigram substring matching for Chinese and other unsegmented
 * scripts, indexed JSONB containment for IPC prefixes, coverage and deal types, and keyset pagination.
 */
@ApplicationScoped
public class PatentSearch {

    private final EntityManager entityManager;

    PatentSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One page of patents that match, in order, and the cursor of the next page (null on the last). */
    public record Result(List<Patent> patents, SearchCursor next) {
    }

    /** How many matching patents fall into each IPC section, jurisdiction and deal type. */
    public record Facets(Map<String, Long> ipcSections, Map<String, Long> jurisdictions, Map<String, Long> dealTypes) {
    }

    public Result search(PatentCriteria criteria, Viewer viewer, SearchSort sort, SearchCursor after, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(criteria, viewer, parameters);
        String rank = sort == SearchSort.RELEVANCE ? SearchSql.rank("p", criteria.text(), parameters) : null;
        SearchSql.Page<Patent> page = SearchSql.page(entityManager,
                rank == null ? "patent" : SearchSql.rankedCandidates("patent", "p", where), "p", rank == null ? where : "TRUE", parameters,
                "p.listed_at", rank,
                after, limit, ids -> Patent.<Patent>list("id in ?1", ids).stream()
                        .collect(Collectors.toMap(patent -> patent.id, Function.identity())));
        return new Result(page.items(), page.next());
    }

    public Facets facets(PatentCriteria criteria, Viewer viewer) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String matching = "SELECT p.id, p.jurisdiction, p.ipc_classes, p.deal_types FROM patent p WHERE " + where(criteria, viewer, parameters);
        return new Facets(
                SearchSql.counts(entityManager, "SELECT substr(c, 1, 1), count(DISTINCT m.id) FROM (" + matching + ") m, jsonb_array_elements_text(m.ipc_classes) c GROUP BY 1", parameters),
                SearchSql.counts(entityManager, "SELECT m.jurisdiction, count(*) FROM (" + matching + ") m GROUP BY 1", parameters),
                SearchSql.counts(entityManager, "SELECT d, count(*) FROM (" + matching + ") m, jsonb_array_elements_text(m.deal_types) d GROUP BY 1", parameters));
    }

    private static String where(PatentCriteria criteria, Viewer viewer, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        SearchSql.text(conditions, parameters, "p", criteria.text());
        if (criteria.status() == null) {
            conditions.add("p.status IN ('AVAILABLE', 'RESERVED')");
        } else {
            conditions.add("p.status = :status");
            parameters.put("status", criteria.status().name());
        }
        if (!viewer.operator()) {
            conditions.add("(p.status <> 'WITHDRAWN' OR p.owner_id = :viewer)");
            parameters.put("viewer", viewer.partnerId());
        }
        SearchSql.contains(conditions, parameters, "p.ipc_prefixes", "ipc", criteria.ipcPrefix());
        SearchSql.contains(conditions, parameters, "p.deal_types", "dealType", criteria.dealType() == null ? null : criteria.dealType().name());
        if (criteria.coverage() != null) {
            conditions.add("(p.jurisdiction = :coverage OR p.family_coverage @> jsonb_build_array(CAST(:coverage AS text)))");
            parameters.put("coverage", criteria.coverage());
        }
        SearchSql.equal(conditions, parameters, "p.jurisdiction", "jurisdiction", criteria.jurisdiction());
        SearchSql.equal(conditions, parameters, "p.export_class", "exportClass", criteria.exportClass() == null ? null : criteria.exportClass().name());
        SearchSql.equal(conditions, parameters, "p.owner_id", "owner", criteria.owner());
        if (criteria.maxPrice() != null) {
            conditions.add("p.asking_price_currency = :currency AND p.asking_price_amount <= :maxPrice");
            parameters.put("currency", criteria.currency());
            parameters.put("maxPrice", criteria.maxPrice());
        } else {
            SearchSql.equal(conditions, parameters, "p.asking_price_currency", "currency", criteria.currency());
        }
        return String.join(" AND ", conditions);
    }
}
