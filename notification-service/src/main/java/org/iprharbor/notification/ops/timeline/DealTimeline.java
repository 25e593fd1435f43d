package org.iprharbor.notification.ops.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.iprharbor.kit.persistence.SqlValues;
import org.iprharbor.kit.tracing.TraceParent;
import org.iprharbor.notification.ops.OpsConfig;
import org.iprharbor.notification.ops.feed.Redactor;

/**
 * Everything that happened to one deal, in order: its own events and the patent events that name it as the
 * reserving deal, each with the notifications it caused (deliveries by channel and inbox items) and the trace it
 * travelled in (a link to the trace viewer when one is configured).
 */
@ApplicationScoped
public class DealTimeline {

    private static final int PREVIEW_CHARS = 400;

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final OpsConfig config;

    DealTimeline(EntityManager entityManager, ObjectMapper json, OpsConfig config) {
        this.entityManager = entityManager;
        this.json = json;
        this.config = config;
    }

    @Transactional
    public List<TimelineEntry> of(UUID dealId) {
        @SuppressWarnings("unchecked")
        List<Object[]> events = entityManager.createNativeQuery("""
                SELECT event_id, topic, event_type, subject, occurred_at, cloud_event::jsonb -> 'data', traceparent
                FROM event_log
                WHERE subject = ?1
                   OR (topic = 'harbor.patents.v1' AND cloud_event::jsonb -> 'data' ->> 'reservedByDeal' = ?1)
                ORDER BY occurred_at, (cloud_event::jsonb ->> 'sequence')::bigint, received_at""")
                .setParameter(1, dealId.toString()).getResultList();
        List<UUID> eventIds = events.stream().map(row -> (UUID) row[0]).toList();
        Map<UUID, List<TimelineEntry.Notification>> caused = notifications(eventIds);
        List<TimelineEntry> timeline = new ArrayList<>();
        for (Object[] row : events) {
            UUID eventId = (UUID) row[0];
            String traceId = row[6] == null ? null : new TraceParent((String) row[6], null).traceId();
            timeline.add(new TimelineEntry(eventId, (String) row[1], (String) row[2], (String) row[3],
                    SqlValues.instant(row[4]), Redactor.preview(String.valueOf(row[5]), json, PREVIEW_CHARS),
                    caused.getOrDefault(eventId, List.of()), traceId, traceUrl(traceId)));
        }
        return timeline;
    }

    private String traceUrl(String traceId) {
        return traceId == null ? null : config.traceUrl().map(url -> url.replace("{traceId}", traceId)).orElse(null);
    }

    private Map<UUID, List<TimelineEntry.Notification>> notifications(List<UUID> eventIds) {
        Map<UUID, List<TimelineEntry.Notification>> caused = new HashMap<>();
        if (eventIds.isEmpty()) {
            return caused;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> deliveries = entityManager.createNativeQuery("""
                SELECT event_id, channel, target_id, status, attempts, language, created_at FROM delivery
                WHERE event_id IN (?1) ORDER BY created_at""").setParameter(1, eventIds).getResultList();
        deliveries.forEach(row -> caused.computeIfAbsent((UUID) row[0], id -> new ArrayList<>())
                .add(new TimelineEntry.Notification((String) row[1], (UUID) row[2], (String) row[3],
                        ((Number) row[4]).intValue(), (String) row[5], SqlValues.instant(row[6]))));
        @SuppressWarnings("unchecked")
        List<Object[]> inbox = entityManager.createNativeQuery("""
                SELECT event_id, partner_id, language, created_at, read_at FROM inbox_item
                WHERE event_id IN (?1) ORDER BY created_at""").setParameter(1, eventIds).getResultList();
        inbox.forEach(row -> caused.computeIfAbsent((UUID) row[0], id -> new ArrayList<>())
                .add(new TimelineEntry.Notification("INBOX", (UUID) row[1], row[4] == null ? "UNREAD" : "READ", 0,
                        (String) row[2], SqlValues.instant(row[3]))));
        return caused;
    }

    /**
     * One event about the deal, with what it caused; {@code traceId} when it arrived traced, and {@code traceUrl},
     * its page in the trace viewer, when one is configured.
     */
    public record TimelineEntry(UUID eventId, String topic, String type, String subject, Instant time, String data,
            List<Notification> notifications, String traceId, String traceUrl) {

        /** A delivery (EMAIL, WEBHOOK) or inbox item caused by the event; {@code target} is a partner or endpoint id. */
        public record Notification(String channel, UUID target, String status, int attempts, String language,
                Instant createdAt) {
        }
    }
}
