package org.iprharbor.catalog.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.iprharbor.kit.persistence.SqlValues;

/**
 * What the patent and need searches share: the text conditions and their rank, indexed JSONB containment, keyset
 * pagination and facet counts, over a table with {@code search_text}, {@code search_vector} and a timestamp column.
 */
public final class SearchSql {

    /**
     * The words as a tsquery, computed once per statement (an InitPlan). Written inline, a prepared statement's
     * generic plan, which PostgreSQL picks after five executions, parsed the words again for every matching row:
     * 29 instead of 17 ms for a word in 13 % of 100,000 patents.
     */
    private static final String QUERY = "(SELECT websearch_to_tsquery('simple', :words))";

    /**
     * How many matching rows relevance order ranks at most. Ranking every match read the stored search vector of each
     * (a common word matches a tenth of a million patents: p99 14 s); the first this many the indexes yield are
     * ranked instead, so relevance order is the order within them (docs/benchmarks/tuning.md, "Search at 1M").
     */
    static final int RANKED_CANDIDATES = 1_000;

    private SearchSql() {
    }

    /**
     * The rows a relevance-ordered search ranks, as a table for {@link #page}: at most {@link #RANKED_CANDIDATES} of
     * those matching {@code where}, in the order the indexes yield them (storage order, not newest or best first).
     */
    static String rankedCandidates(String table, String alias, String where) {
        return "(SELECT * FROM " + table + " " + alias + " WHERE " + where + " LIMIT " + RANKED_CANDIDATES + ")";
    }

    /** Full text for the words, substring (trigram-indexed) for unsegmented terms. */
    static void text(List<String> conditions, Map<String, Object> parameters, String alias, SearchText text) {
        if (!text.words().isBlank()) {
            conditions.add(alias + ".search_vector @@ " + QUERY);
            parameters.put("words", text.words());
        }
        List<String> terms = text.unsegmentedTerms();
        for (int i = 0; i < terms.size(); i++) {
            conditions.add(alias + ".search_text ILIKE :term" + i);
            parameters.put("term" + i, "%" + escapeLike(terms.get(i)) + "%");
        }
    }

    /**
     * Relevance: the full-text rank of the words; for substring terms, how much of the text the term makes
     * up (a short title that is mostly the term ranks first). Both are cheap for every matching row.
     */
    static String rank(String alias, SearchText text, Map<String, Object> parameters) {
        List<String> parts = new ArrayList<>();
        if (!text.words().isBlank()) {
            parts.add("ts_rank(" + alias + ".search_vector, " + QUERY + ")");
        }
        List<String> terms = text.unsegmentedTerms();
        for (int i = 0; i < terms.size(); i++) {
            parts.add("CAST(:termLength" + i + " AS real) / greatest(length(" + alias + ".search_text), 1)");
            parameters.put("termLength" + i, terms.get(i).length());
        }
        return "(" + String.join(" + ", parts) + ")::real";
    }

    static void contains(List<String> conditions, Map<String, Object> parameters, String column, String name, String value) {
        if (value != null) {
            conditions.add(column + " @> jsonb_build_array(CAST(:" + name + " AS text))");
            parameters.put(name, value);
        }
    }

    static void equal(List<String> conditions, Map<String, Object> parameters, String column, String name, Object value) {
        if (value != null) {
            conditions.add(column + " = :" + name);
            parameters.put(name, value);
        }
    }

    /** One page of rows, newest first or by relevance, and the cursor of the next page (null on the last). */
    public record Page<T>(List<T> items, SearchCursor next) {
    }

    /**
     * Keyset pagination over (sort key, id) of {@code table alias WHERE where}, by {@code rankKey} when given, else by
     * {@code newestKey}; the entities of the page are loaded by id in one query and returned in order.
     */
    static <T> Page<T> page(EntityManager entityManager, String table, String alias, String where, Map<String, Object> parameters,
            String newestKey, String rankKey, SearchCursor after, int limit, Function<List<UUID>, Map<UUID, T>> load) {
        boolean byRelevance = rankKey != null;
        String key = byRelevance ? rankKey : newestKey;
        StringBuilder sql = new StringBuilder("SELECT id, sort_key FROM (SELECT " + alias + ".id, " + key
                + " AS sort_key FROM " + table + " " + alias + " WHERE " + where + ") s");
        if (after != null) {
            if (byRelevance) {
                sql.append(" WHERE (s.sort_key, s.id) < (CAST(:afterRank AS real), :afterId)");
                parameters.put("afterRank", after.rank());
            } else {
                sql.append(" WHERE (s.sort_key, s.id) < (:afterTime, :afterId)");
                parameters.put("afterTime", Instant.EPOCH.plusNanos(after.micros() * 1_000));
            }
            parameters.put("afterId", after.id());
        }
        sql.append(" ORDER BY s.sort_key DESC, s.id DESC LIMIT ").append(limit + 1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(entityManager.createNativeQuery(sql.toString()), parameters).getResultList();
        List<Object[]> page = rows.subList(0, Math.min(limit, rows.size()));
        List<UUID> ids = page.stream().map(row -> (UUID) row[0]).toList();
        Map<UUID, T> byId = ids.isEmpty() ? Map.of() : load.apply(ids);
        SearchCursor next = null;
        if (rows.size() > limit) {
            Object[] last = page.get(page.size() - 1);
            next = byRelevance ? SearchCursor.afterRelevance(((Number) last[1]).floatValue(), (UUID) last[0])
                    : SearchCursor.afterNewest(SqlValues.instant(last[1]), (UUID) last[0]);
        }
        return new Page<>(ids.stream().map(byId::get).toList(), next);
    }

    /** Rows of (key, count), ordered by key. */
    static Map<String, Long> counts(EntityManager entityManager, String sql, Map<String, Object> parameters) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(entityManager.createNativeQuery(sql), parameters).getResultList();
        return rows.stream().sorted(Comparator.comparing(row -> (String) row[0]))
                .collect(Collectors.toMap(row -> (String) row[0], row -> ((Number) row[1]).longValue(), (a, b) -> a, LinkedHashMap::new));
    }

    static Query bind(Query query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
        return query;
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
