package org.iprharbor.notification.ops.funnel;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import org.iprharbor.kit.persistence.SqlValues;

/**
 * The deal funnel: each deal's current state (kept from harbor.deals.v1, the newest version wins, so a redelivered
 * or late event changes nothing) and the transitions per minute over the last hour, from the event log.
 */
@ApplicationScoped
public class DealFunnel {

    /** The state of a deal that went all the way (the match funnel counts the matches that reached it). */
    static final String COMPLETED = "COMPLETED";
    /** The states in the order a deal moves through them, then the ends that are not completion. */
    static final List<String> STATES = List.of("OFFERED", "COUNTERED", "INTENT_REVIEW", "AGREED", "SIGNED", "EXPORT_REVIEW", "CLEARED",
            "PAID", "RECORDED", COMPLETED, "REJECTED", "WITHDRAWN", "EXPIRED", "CANCELLED");
    private static final int MINUTES = 60;

    private final EntityManager entityManager;

    DealFunnel(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records a deal's state at {@code version}, and the match it came from (null if none), in the transaction that
     * applies the deal event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID dealId, String state, long version, Instant at, UUID matchId) {
        entityManager.createNativeQuery("""
                INSERT INTO deal_funnel (deal_id, state, version, updated_at, match_id) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (deal_id) DO UPDATE SET state = EXCLUDED.state, version = EXCLUDED.version,
                    updated_at = EXCLUDED.updated_at, match_id = COALESCE(deal_funnel.match_id, EXCLUDED.match_id)
                WHERE deal_funnel.version < EXCLUDED.version""")
                .setFlushMode(FlushModeType.COMMIT) // an insert that reads no entity: no need to flush the session first
                .setParameter(1, dealId).setParameter(2, state).setParameter(3, version).setParameter(4, at)
                .setParameter(5, matchId).executeUpdate();
    }

    @Transactional
    public FunnelView now() {
        Map<String, Long> byState = new LinkedHashMap<>();
        STATES.forEach(state -> byState.put(state, 0L));
        @SuppressWarnings("unchecked")
        List<Object[]> counts = entityManager.createNativeQuery("SELECT state, count(*) FROM deal_funnel GROUP BY state")
                .getResultList();
        counts.forEach(row -> byState.put((String) row[0], ((Number) row[1]).longValue()));
        return new FunnelView(byState, transitionsPerMinute());
    }

    private List<FunnelView.Minute> transitionsPerMinute() {
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        Instant start = end.minus(MINUTES, ChronoUnit.MINUTES);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT date_trunc('minute', occurred_at) AS minute, count(*) FROM event_log
                WHERE topic = 'harbor.deals.v1' AND occurred_at >= ?1 AND occurred_at < ?2
                GROUP BY 1""")
                .setParameter(1, start).setParameter(2, end).getResultList();
        Map<Instant, Long> perMinute = new HashMap<>();
        rows.forEach(row -> perMinute.put(SqlValues.instant(row[0]), ((Number) row[1]).longValue()));
        List<FunnelView.Minute> minutes = new ArrayList<>(MINUTES);
        for (Instant minute = start; minute.isBefore(end); minute = minute.plus(1, ChronoUnit.MINUTES)) {
            minutes.add(new FunnelView.Minute(minute, perMinute.getOrDefault(minute, 0L)));
        }
        return minutes;
    }
}
