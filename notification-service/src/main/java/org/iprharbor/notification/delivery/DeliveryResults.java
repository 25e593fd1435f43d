package org.iprharbor.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.iprharbor.kit.outbox.Outbox;
import org.iprharbor.notification.config.NotificationConfig;
import org.iprharbor.notification.domain.Delivery;
import org.iprharbor.notification.domain.DeliveryAttempt;
import org.iprharbor.notification.messaging.DeliveryEvent;
import org.iprharbor.notification.messaging.NotificationTopics;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * Records what attempts came to, a group of them per transaction (handed in by the {@link OutcomeRecorder}): each
 * attempt, what its channel keeps about the target (a webhook endpoint's health), the delivery's new state
 * (delivered, retry later with backoff or as the endpoint asked, dead), and the events for dashboards.
 */
@ApplicationScoped
public class DeliveryResults {

    private final NotificationConfig config;
    private final Outbox outbox;
    private final MeterRegistry metrics;
    private final ChannelSenders channels;

    DeliveryResults(NotificationConfig config, Outbox outbox, MeterRegistry metrics, ChannelSenders channels) {
        this.config = config;
        this.outbox = outbox;
        this.metrics = metrics;
        this.channels = channels;
    }

    /**
     * One attempt's outcome, handed in by a sender.
     *
     * @param recordBy the {@link System#nanoTime()} after which writing it is no use: the delivery's lease has ended
     */
    public record Attempted(UUID deliveryId, Outcome outcome, long recordBy) {
    }

    /** Records the outcomes in one transaction; the deliveries are loaded with one query. */
    @Transactional
    public void recordAll(List<Attempted> attempts) {
        Map<UUID, Delivery> deliveries = Delivery.<Delivery>list("id in ?1", attempts.stream().map(Attempted::deliveryId).toList())
                .stream().collect(Collectors.toMap(delivery -> delivery.id, Function.identity()));
        for (Attempted attempted : attempts) {
            record(deliveries.get(attempted.deliveryId()), attempted.outcome());
        }
    }

    private void record(Delivery delivery, Outcome outcome) {
        Instant now = Instant.now();
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.id = UUID.randomUUID();
        attempt.deliveryId = delivery.id;
        attempt.at = now;
        attempt.statusCode = outcome.statusCode();
        attempt.latencyMs = outcome.latencyMs();
        attempt.error = outcome.error();
        attempt.persist();

        delivery.attempts++;
        delivery.leaseUntil = null;
        delivery.lastError = outcome.error();
        channels.of(delivery.channel).attempted(delivery, outcome, now);
        String outcomeName;
        if (outcome.delivered() && delivery.resend) {
            // published before the attempts reset: the event reports the attempt that delivered
            publish(NotificationTopics.DELIVERED, delivery, outcome);
            // a replay came in while this attempt was under way: the receiver gets the message once more
            delivery.status = Delivery.Status.PENDING;
            delivery.attempts = 0;
            delivery.nextAttemptAt = now;
            delivery.deliveredAt = now;
            delivery.resend = false;
            outcomeName = "delivered";
        } else if (outcome.delivered()) {
            if (delivery.deliveredAt == null) { // a replayed message was delivered before: its age says nothing
                metrics.timer("harbor.delivery.latency", "channel", channelName(delivery)).record(Duration.between(delivery.createdAt, now));
            }
            delivery.status = Delivery.Status.DELIVERED;
            delivery.deliveredAt = now;
            publish(NotificationTopics.DELIVERED, delivery, outcome);
            outcomeName = "delivered";
        } else {
            delivery.resend = false; // a retry is coming anyway
            outcomeName = failed(delivery, outcome, now);
        }
        metrics.counter("harbor.deliveries", "channel", channelName(delivery), "outcome", outcomeName).increment();
        Log.infof("delivery %s deliveryId=%s channel=%s targetId=%s eventId=%s attempt=%d status=%s latencyMs=%d",
                outcomeName, delivery.id, delivery.channel, delivery.targetId, delivery.eventId, delivery.attempts,
                outcome.statusCode(), outcome.latencyMs());
    }

    private static String channelName(Delivery delivery) {
        return delivery.channel.name().toLowerCase();
    }

    private String failed(Delivery delivery, Outcome outcome, Instant now) {
        if (outcome.gone() || delivery.attempts >= config.delivery().maxAttempts()) {
            delivery.status = Delivery.Status.DEAD;
            publish(NotificationTopics.FAILED, delivery, outcome);
            return "dead";
        }
        Duration wait = Backoff.after(delivery.attempts, config.delivery().firstRetry(), config.delivery().maxRetry());
        if (outcome.retryAfter() != null) {
            wait = outcome.retryAfter().compareTo(config.delivery().maxRetry()) > 0 ? config.delivery().maxRetry() : outcome.retryAfter();
        }
        delivery.status = Delivery.Status.RETRYING;
        delivery.nextAttemptAt = now.plus(wait);
        return "retrying";
    }

    private void publish(String type, Delivery delivery, Outcome outcome) {
        outbox.append(NotificationTopics.NOTIFICATIONS, type, delivery.targetId, delivery.attempts,
                new DeliveryEvent(delivery.id, delivery.channel.name(), delivery.targetId, delivery.eventId,
                        delivery.eventType, delivery.attempts, outcome.statusCode(), outcome.error(), Instant.now()));
    }
}
