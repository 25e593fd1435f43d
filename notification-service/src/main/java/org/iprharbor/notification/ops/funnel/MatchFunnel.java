package org.iprharbor.notification.ops.funnel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

/**
 * Matches found per day (UTC) and how many became offers and completed deals: every match-found is counted once by
 * its match id, and a deal event that names the match it came from ({@code matchId}) links the deal to it in
 * {@link DealFunnel}'s read model. A match counts as offered once any deal names it, as completed once one of
 * those deals is COMPLETED.
 */
@ApplicationScoped
public class MatchFunnel {

    private static final int DAYS = 14;

    private final EntityManager entityManager;

    MatchFunnel(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Counts a match, once whatever event ids announce it, in the transaction that consumes it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void found(UUID matchId, Instant at) {
        entityManager.createNativeQuery("INSERT INTO match_found (match_id, found_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setFlushMode(FlushModeType.COMMIT) // an insert that reads no entity: no need to flush the session first
                .setParameter(1, matchId).setParameter(2, at).executeUpdate();
    }

    @Transactional
    public MatchFunnelView now() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = today.minusDays(DAYS - 1L);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT (m.found_at AT TIME ZONE 'UTC')::date AS day, count(*),
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM deal_funnel d WHERE d.match_id = m.match_id)),
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM deal_funnel d WHERE d.match_id = m.match_id
                                                      AND d.state = ?2))
                FROM match_found m WHERE m.found_at >= ?1 GROUP BY 1""")
                .setParameter(1, first.atStartOfDay(ZoneOffset.UTC).toInstant()).setParameter(2, DealFunnel.COMPLETED)
                .getResultList();
        Map<LocalDate, MatchFunnelView.Day> byDay = new HashMap<>();
        rows.forEach(row -> {
            LocalDate day = row[0] instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) row[0];
            byDay.put(day, new MatchFunnelView.Day(day, count(row[1]), count(row[2]), count(row[3])));
        });
        List<MatchFunnelView.Day> days = new ArrayList<>(DAYS);
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            days.add(byDay.getOrDefault(day, new MatchFunnelView.Day(day, 0, 0, 0)));
        }
        return MatchFunnelView.of(days);
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
