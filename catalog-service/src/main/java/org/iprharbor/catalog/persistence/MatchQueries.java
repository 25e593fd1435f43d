package org.iprharbor.catalog.persistence;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.iprharbor.catalog.domain.MatchEvidence;
import org.iprharbor.catalog.domain.MatchScore;

/**
 * Finds the best matches of one need among available patents, or of one patent among open needs, in PostgreSQL:
 * the anchor's IPC subclasses, keyword lexemes and unsegmented keyword heads are looked up in GIN indexes (a bitmap OR
 * of the three), only those candidates are scored, and only the best {@code limit} get their evidence computed.
 * Both directions score with the same expression over the same components, so they find the same pairs.
 */
@ApplicationScoped
public class MatchQueries {

    /** The score from the components each direction computes under the same names. */
    private static final String SCORE = "CASE WHEN c.group_hit THEN " + MatchScore.IPC_GROUP
            + " WHEN c.subclass_hit THEN " + MatchScore.IPC_SUBCLASS + " ELSE 0 END"
            + " + least(" + MatchScore.WORDS_MAX + ", " + MatchScore.WORD + " * c.words)"
            + " + CASE WHEN c.covered THEN " + MatchScore.TERRITORY_COVERED + " WHEN c.targeted THEN "
            + MatchScore.TERRITORY_TARGETED + " ELSE 0 END"
            + " + CASE WHEN c.deal THEN " + MatchScore.DEAL_TYPE + " ELSE 0 END"
            + " + CASE WHEN c.budget THEN " + MatchScore.WITHIN_BUDGET + " ELSE 0 END";

    /**
     * The best patents for the need {@code :anchor}; the need's values are InitPlans, so the indexes serve them. Chinese
     * keywords of one or two characters count in the score but do not find candidates: pg_trgm needs three characters,
     * so looking them up read the whole trigram index (13–21 s at 1M patents; docs/benchmarks/tuning.md).
     */
    private static final String FOR_NEED = """
            WITH a AS MATERIALIZED (
                SELECT owner_id, ipc_subclasses, ipc_groups, match_terms, harbor_any_lexeme(match_terms) AS lexemes,
                       ARRAY(SELECT '%%' || k || '%%' FROM jsonb_array_elements_text(unsegmented_keywords) k WHERE length(k) >= 3)
                         AS patterns,
                       unsegmented_keywords, harbor_text_array(territories) AS territories,
                       harbor_text_array(deal_types) AS deal_types, budget_amount, budget_currency
                FROM need WHERE id = :anchor AND status = 'OPEN' AND valid_until > now())
            SELECT id, score FROM (SELECT c.id, (%1$s) AS score, c.subclass_hit, c.words FROM (
                SELECT p.id,
                       p.ipc_groups && (SELECT ipc_groups FROM a) AS group_hit,
                       p.ipc_subclasses && (SELECT ipc_subclasses FROM a) AS subclass_hit,
                       length(p.search_vector) - length(ts_delete(p.search_vector, (SELECT match_terms FROM a)))
                         + CASE WHEN (SELECT unsegmented_keywords FROM a) = '[]' THEN 0 ELSE (SELECT count(*)
                             FROM jsonb_array_elements_text((SELECT unsegmented_keywords FROM a)) k
                             WHERE strpos(p.search_text, k) > 0) END AS words,
                       (ARRAY[CAST(p.jurisdiction AS text)] && (SELECT territories FROM a)
                         OR jsonb_exists_any(p.family_coverage, (SELECT territories FROM a))) AS covered,
                       jsonb_exists_any(p.target_territories, (SELECT territories FROM a)) AS targeted,
                       jsonb_exists_any(p.deal_types, (SELECT deal_types FROM a)) AS deal,
                       coalesce(p.asking_price_currency = (SELECT budget_currency FROM a)
                         AND p.asking_price_amount <= (SELECT budget_amount FROM a), false) AS budget
                FROM (SELECT * FROM patent p WHERE p.status = 'AVAILABLE' AND p.owner_id <> (SELECT owner_id FROM a)
                      AND %2$s LIMIT :candidates) p) c) s
            WHERE (s.subclass_hit OR s.words > 0) AND s.score >= :minScore
            ORDER BY s.score DESC, s.id LIMIT :limit""";

    /** The best open needs for the patent {@code :anchor}. */
    private static final String FOR_PATENT = """
            WITH a AS MATERIALIZED (
                SELECT owner_id, ipc_subclasses, ipc_groups, search_vector, tsvector_to_array(search_vector) AS lexemes,
                       harbor_unsegmented_pairs(search_text) AS pairs, search_text,
                       array_append(harbor_text_array(family_coverage), CAST(jurisdiction AS text)) AS coverage,
                       harbor_text_array(target_territories) AS targets, harbor_text_array(deal_types) AS deal_types,
                       asking_price_amount, asking_price_currency
                FROM patent WHERE id = :anchor AND status = 'AVAILABLE')
            SELECT id, score FROM (SELECT c.id, (%1$s) AS score, c.subclass_hit, c.words FROM (
                SELECT n.id,
                       n.ipc_groups && (SELECT ipc_groups FROM a) AS group_hit,
                       n.ipc_subclasses && (SELECT ipc_subclasses FROM a) AS subclass_hit,
                       length((SELECT search_vector FROM a)) - length(ts_delete((SELECT search_vector FROM a), n.match_terms))
                         + CASE WHEN n.unsegmented_keywords = '[]' THEN 0 ELSE (SELECT count(*)
                             FROM jsonb_array_elements_text(n.unsegmented_keywords) k
                             WHERE strpos((SELECT search_text FROM a), k) > 0) END AS words,
                       jsonb_exists_any(n.territories, (SELECT coverage FROM a)) AS covered,
                       jsonb_exists_any(n.territories, (SELECT targets FROM a)) AS targeted,
                       jsonb_exists_any(n.deal_types, (SELECT deal_types FROM a)) AS deal,
                       coalesce(n.budget_currency = (SELECT asking_price_currency FROM a)
                         AND (SELECT asking_price_amount FROM a) <= n.budget_amount, false) AS budget
                FROM (SELECT * FROM need n WHERE n.status = 'OPEN' AND n.valid_until > now()
                      AND n.owner_id <> (SELECT owner_id FROM a) AND %2$s LIMIT :candidates) n) c) s
            WHERE (s.subclass_hit OR s.words > 0) AND s.score >= :minScore
            ORDER BY s.score DESC, s.id LIMIT :limit""";

    /** What each pair of one need or one patent and its best matches has in common, as JSON. */
    private static final String EVIDENCE = """
            SELECT n.id AS need_id, p.id AS patent_id, CAST(jsonb_build_object(
                'groups', to_jsonb(ARRAY(SELECT unnest(n.ipc_groups) INTERSECT SELECT unnest(p.ipc_groups) ORDER BY 1)),
                'subclasses', to_jsonb(ARRAY(SELECT unnest(n.ipc_subclasses) INTERSECT SELECT unnest(p.ipc_subclasses) ORDER BY 1)),
                'words', harbor_words_by_language(p.titles, p.abstracts, n.match_terms, n.unsegmented_keywords),
                'covered', to_jsonb(ARRAY(SELECT t FROM jsonb_array_elements_text(n.territories) t
                    WHERE t = p.jurisdiction OR p.family_coverage @> to_jsonb(t))),
                'targeted', to_jsonb(ARRAY(SELECT t FROM jsonb_array_elements_text(n.territories) t
                    WHERE p.target_territories @> to_jsonb(t))),
                'dealTypes', to_jsonb(ARRAY(SELECT d FROM jsonb_array_elements_text(n.deal_types) d
                    WHERE p.deal_types @> to_jsonb(d))),
                'withinBudget', coalesce(n.budget_currency = p.asking_price_currency
                    AND p.asking_price_amount <= n.budget_amount, false)) AS text)
            FROM need n JOIN patent p ON %s""";

    /**
     * What the need {@code :anchor} can score at most (words: 10 each, at most 30; whether a budget can count) and
     * whether it has IPC groups and subclasses; no row if it is not matchable.
     */
    private static final String NEED_BOUNDS = """
            SELECT least(%d, %d * (cardinality(match_terms) + jsonb_array_length(unsegmented_keywords))), budget_amount IS NOT NULL,
                   cardinality(ipc_groups) > 0, cardinality(ipc_subclasses) > 0
            FROM need WHERE id = :anchor AND status = 'OPEN' AND valid_until > now()""".formatted(MatchScore.WORDS_MAX, MatchScore.WORD);

    /** The same for the patent {@code :anchor}: a need may name any number of the patent's words. */
    private static final String PATENT_BOUNDS = """
            SELECT %d, asking_price_amount IS NOT NULL, cardinality(ipc_groups) > 0, cardinality(ipc_subclasses) > 0
            FROM patent WHERE id = :anchor AND status = 'AVAILABLE'"""
            .formatted(MatchScore.WORDS_MAX);

    private static final Tiers NEED_TIERS = new Tiers("p.ipc_groups && (SELECT ipc_groups FROM a)",
            "p.ipc_subclasses && (SELECT ipc_subclasses FROM a)",
            "(p.search_vector @@ (SELECT lexemes FROM a) OR p.search_text LIKE ANY (CAST((SELECT patterns FROM a) AS text[])))");

    private static final Tiers PATENT_TIERS = new Tiers("n.ipc_groups && (SELECT ipc_groups FROM a)",
            "n.ipc_subclasses && (SELECT ipc_subclasses FROM a)",
            "(n.match_terms && (SELECT lexemes FROM a) OR n.keyword_heads && (SELECT pairs FROM a))");

    private final EntityManager entityManager;
    private final ObjectMapper json;

    MatchQueries(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** A pair that matches, its score and what it rests on. */
    public record Found(UUID needId, UUID patentId, int score, MatchEvidence evidence) {
    }

    /** The best available patents for an open need, best first (none for a closed or expired need). */
    public List<Found> forNeed(UUID needId, int minScore, int limit, int candidates, String workMem) {
        Map<UUID, Integer> scores = best(FOR_NEED, NEED_BOUNDS, NEED_TIERS, needId, minScore, limit, candidates, workMem);
        return evidence("n.id = :anchor AND p.id IN (:others)", needId, scores, true);
    }

    /** The best open needs for an available patent, best first (none for a patent off the market). */
    public List<Found> forPatent(UUID patentId, int minScore, int limit, int candidates, String workMem) {
        Map<UUID, Integer> scores = best(FOR_PATENT, PATENT_BOUNDS, PATENT_TIERS, patentId, minScore, limit, candidates, workMem);
        return evidence("p.id = :anchor AND n.id IN (:others)", patentId, scores, false);
    }

    /**
     * Reads the tiers strongest first and stops as soon as {@code limit} matches found score at least what anything in
     * the tiers not read yet could score; each tier reads at most {@code candidates} rows. The tiers' bitmaps get
     * {@code workMem} (for the rest of the transaction), so a common word's bitmap stays exact instead of lossy.
     */
    private Map<UUID, Integer> best(String sql, String boundsSql, Tiers tiers, UUID anchor, int minScore, int limit, int candidates,
            String workMem) {
        entityManager.createNativeQuery("SELECT set_config('work_mem', :workMem, true)").setFlushMode(FlushModeType.COMMIT)
                .setParameter("workMem", workMem).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> bounds = entityManager.createNativeQuery(boundsSql).setParameter("anchor", anchor).getResultList();
        if (bounds.isEmpty()) {
            return Map.of();
        }
        Object[] anchorHas = bounds.get(0);
        int wordsMax = ((Number) anchorHas[0]).intValue();
        int contextMax = MatchScore.TERRITORY_COVERED + MatchScore.DEAL_TYPE + (Boolean.TRUE.equals(anchorHas[1]) ? MatchScore.WITHIN_BUDGET : 0);
        Map<UUID, Integer> found = new HashMap<>();
        for (Tiers.Tier tier : tiers.strongestFirst(wordsMax, contextMax, Boolean.TRUE.equals(anchorHas[2]), Boolean.TRUE.equals(anchorHas[3]))) {
            if (found.size() >= limit && ranked(found).get(limit - 1).getValue() >= tier.bound()) {
                break;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery(sql.formatted(SCORE, tier.candidates()))
                    .setParameter("anchor", anchor).setParameter("minScore", minScore).setParameter("limit", limit)
                    .setParameter("candidates", candidates).getResultList();
            rows.forEach(row -> found.put((UUID) row[0], ((Number) row[1]).intValue()));
        }
        Map<UUID, Integer> scores = new LinkedHashMap<>();
        ranked(found).stream().limit(limit).forEach(entry -> scores.put(entry.getKey(), entry.getValue()));
        return scores;
    }

    private static List<Map.Entry<UUID, Integer>> ranked(Map<UUID, Integer> found) {
        return found.entrySet().stream().sorted(Map.Entry.<UUID, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).toList();
    }

    private List<Found> evidence(String pairs, UUID anchor, Map<UUID, Integer> scores, boolean anchorIsNeed) {
        if (scores.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(EVIDENCE.formatted(pairs))
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("anchor", anchor).setParameter("others", List.copyOf(scores.keySet()))
                .getResultList();
        Map<UUID, MatchEvidence> byOther = new LinkedHashMap<>();
        rows.forEach(row -> byOther.put((UUID) row[anchorIsNeed ? 1 : 0], read((String) row[2])));
        return scores.entrySet().stream().map(entry -> anchorIsNeed
                ? new Found(anchor, entry.getKey(), entry.getValue(), byOther.get(entry.getKey()))
                : new Found(entry.getKey(), anchor, entry.getValue(), byOther.get(entry.getKey()))).toList();
    }

    private MatchEvidence read(String evidence) {
        try {
            return json.readValue(evidence, MatchEvidence.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable match evidence " + evidence, e);
        }
    }
}
