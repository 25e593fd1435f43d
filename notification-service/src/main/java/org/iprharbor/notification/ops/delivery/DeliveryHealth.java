package org.iprharbor.notification.ops.delivery;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.iprharbor.notification.domain.Delivery;

/**
 * Delivery health per channel from the durable queue: delivered, retrying (waiting for their next attempt or being
 * sent), failed attempts in the last hour, dead; and the webhook endpoints that are disabled.
 */
@ApplicationScoped
public class DeliveryHealth {

    private static final Duration FAILED_WINDOW = Duration.ofHours(1);

    private final EntityManager entityManager;

    DeliveryHealth(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public DeliveryHealthView now() {
        Map<String, DeliveryHealthView.Channel> channels = new LinkedHashMap<>();
        for (Delivery.Channel channel : Delivery.Channel.values()) {
            channels.put(channel.name(), new DeliveryHealthView.Channel(channel.name(), 0, 0, 0, 0));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> byStatus = entityManager.createNativeQuery("""
                SELECT channel,
                       count(*) FILTER (WHERE status = 'DELIVERED'),
                       count(*) FILTER (WHERE status IN ('PENDING', 'SENDING', 'RETRYING')),
                       count(*) FILTER (WHERE status = 'DEAD')
                FROM delivery GROUP BY channel""").getResultList();
        // an email attempt has no status code: it failed only if it recorded an error
        @SuppressWarnings("unchecked")
        List<Object[]> failedAttempts = entityManager.createNativeQuery("""
                SELECT d.channel, count(*) FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id
                WHERE a.at >= ?1 AND (a.error IS NOT NULL OR a.status_code >= 300)
                GROUP BY d.channel""").setParameter(1, Instant.now().minus(FAILED_WINDOW)).getResultList();
        Map<String, Long> failed = new LinkedHashMap<>();
        failedAttempts.forEach(row -> failed.put((String) row[0], ((Number) row[1]).longValue()));
        for (Object[] row : byStatus) {
            String channel = (String) row[0];
            channels.put(channel, new DeliveryHealthView.Channel(channel, number(row[1]), number(row[2]),
                    failed.getOrDefault(channel, 0L), number(row[3])));
        }
        return new DeliveryHealthView(List.copyOf(channels.values()), disabledEndpoints());
    }

    private List<DeliveryHealthView.DisabledEndpoint> disabledEndpoints() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT id, owner_id, url, disabled_reason, consecutive_failures FROM webhook_subscription
                WHERE NOT enabled ORDER BY created_at DESC LIMIT 100""").getResultList();
        return rows.stream().map(row -> new DeliveryHealthView.DisabledEndpoint((UUID) row[0], (UUID) row[1],
                withoutQuery((String) row[2]), (String) row[3], ((Number) row[4]).intValue())).toList();
    }

    /** Scheme, host and path only: a query string or user info may carry an integrator's credentials. */
    static String withoutQuery(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (IllegalArgumentException e) {
            return "(unparseable URL)";
        }
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
