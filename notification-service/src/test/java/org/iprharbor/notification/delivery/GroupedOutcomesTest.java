package org.iprharbor.notification.delivery;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import org.iprharbor.notification.domain.Delivery;
import org.iprharbor.notification.messaging.NotificationTopics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outcomes are written many per transaction: each delivery of a group gets exactly its own attempt, state and
 * event, and an outcome handed to the recorder is written once.
 */
@QuarkusTest
class GroupedOutcomesTest {

    @Inject
    DeliveryResults results;

    @Inject
    OutcomeRecorder recorder;

    @Test
    void shouldRecordEachOutcomeOfAGroupOnceAndOnItsOwnDelivery() {
        UUID deliveredFirst = claimedDelivery();
        UUID failed = claimedDelivery();
        UUID deliveredLast = claimedDelivery();

        results.recordAll(List.of(
                attempted(deliveredFirst, new Outcome(true, null, null, null, 12)),
                attempted(failed, new Outcome(false, null, null, "SMTP: 451 try again later", 30)),
                attempted(deliveredLast, new Outcome(true, null, null, null, 9))));

        assertThat(delivery(deliveredFirst).status).isEqualTo(Delivery.Status.DELIVERED);
        assertThat(delivery(deliveredLast).status).isEqualTo(Delivery.Status.DELIVERED);
        Delivery retrying = delivery(failed);
        assertThat(retrying.status).isEqualTo(Delivery.Status.RETRYING);
        assertThat(retrying.lastError).isEqualTo("SMTP: 451 try again later");
        for (UUID id : List.of(deliveredFirst, failed, deliveredLast)) {
            assertThat(delivery(id).attempts).as("attempts of %s", id).isEqualTo(1);
            assertThat(delivery(id).leaseUntil).as("lease of %s", id).isNull();
            assertThat(count("SELECT count(*) FROM delivery_attempt WHERE delivery_id = ?1", id)).as("attempt rows of %s", id).isEqualTo(1);
        }
        assertThat(deliveredEvents(deliveredFirst)).isEqualTo(1);
        assertThat(deliveredEvents(deliveredLast)).isEqualTo(1);
        assertThat(deliveredEvents(failed)).isZero();
    }

    @Test
    void shouldWriteEveryOutcomeHandedInOnce() {
        List<UUID> ids = List.of(claimedDelivery(), claimedDelivery(), claimedDelivery(), claimedDelivery());
        for (UUID id : ids) {
            recorder.handIn(delivery(id), new Outcome(true, null, null, null, 5));
        }

        await().atMost(Duration.ofSeconds(20))
                .until(() -> ids.stream().allMatch(id -> delivery(id).status == Delivery.Status.DELIVERED));
        for (UUID id : ids) {
            assertThat(delivery(id).attempts).isEqualTo(1);
            assertThat(deliveredEvents(id)).isEqualTo(1);
        }
    }

    private static DeliveryResults.Attempted attempted(UUID id, Outcome outcome) {
        return new DeliveryResults.Attempted(id, outcome, System.nanoTime() + 60_000_000_000L);
    }

    /** A delivery claimed by a worker that is sending it (its lease runs long, so no worker here claims it). */
    private static UUID claimedDelivery() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> Delivery.getEntityManager().createNativeQuery("""
                INSERT INTO delivery (id, channel, target_id, event_id, event_type, address, subject, body, language,
                                      status, attempts, next_attempt_at, lease_until, created_at)
                VALUES (?1, 'EMAIL', ?2, ?3, 'org.iprharbor.deal.deal-opened.v1', ?4, 'Grouped', 'One of a group', 'en',
                        'SENDING', 0, now(), now() + interval '10 minutes', now())""")
                .setParameter(1, id).setParameter(2, UUID.randomUUID()).setParameter(3, UUID.randomUUID())
                .setParameter(4, "grouped-" + id + "@outcomes.example").executeUpdate());
        return id;
    }

    private static Delivery delivery(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>findById(id));
    }

    private static long deliveredEvents(UUID deliveryId) {
        return count("SELECT count(*) FROM outbox WHERE event_type = '" + NotificationTopics.DELIVERED
                + "' AND payload::text LIKE '%' || ?1 || '%'", deliveryId.toString());
    }

    private static long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Delivery.getEntityManager().createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }
}
