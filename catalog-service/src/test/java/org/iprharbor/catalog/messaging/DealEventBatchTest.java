package org.iprharbor.catalog.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.iprharbor.catalog.service.DealEffects;
import org.iprharbor.catalog.support.CatalogFixtures;
import org.iprharbor.kit.events.EventBatches;
import org.iprharbor.testing.contracts.EventFixtures;
import org.iprharbor.testing.KafkaProbe;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One polled batch, handed to the batch path as the connector hands it: an unreadable record, a valid event, an event
 * its handler refuses and the valid event again. The valid event takes effect once; exactly the two bad records reach
 * the dead-letter topic, once each.
 */
@QuarkusTest
class DealEventBatchTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOPIC = "harbor.deals.v1";

    @Inject
    EventBatches batches;

    @Inject
    DealEffects effects;

    @Inject
    EntityManager entityManager;

    @Test
    void shouldApplyABatchOnceAndDeadLetterOnlyItsBadRecords() {
        UUID owner = CatalogFixtures.registeredPartner("Lanzhou Jiaotong University", "CN");
        UUID patent = CatalogFixtures.listedPatent(owner, Map.of());
        UUID deal = UUID.randomUUID();
        UUID accepted = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        List<ConsumerRecord<String, String>> batch = List.of(
                record(0, deal, Map.of("ce_id", "not-a-uuid"), "{}"),
                accepted(1, deal, accepted, patent),
                accepted(2, deal, refused, UUID.randomUUID()),
                accepted(3, deal, accepted, patent));

        try (KafkaProbe deadLetters = KafkaProbe.readFromStart(TOPIC + ".dlq")) {
            batches.apply("deal event", new ConsumerRecords<>(Map.of(new TopicPartition(TOPIC, 0), batch), Map.of()),
                    effects::apply);

            assertThat(status(patent)).isEqualTo("RESERVED");
            assertThat(timesProcessed(accepted)).isEqualTo(1);
            assertThat(timesProcessed(refused)).isZero();
            List<ConsumerRecord<String, String>> dead = deadLetters.await(r -> deal.toString().equals(r.key()), 2, WAIT);
            assertThat(dead).extracting(r -> KafkaProbe.header(r, "dead-letter-offset")).containsExactlyInAnyOrder("0", "2");
            assertThat(dead).extracting(r -> KafkaProbe.header(r, "dead-letter-reason"))
                    .anySatisfy(reason -> assertThat(reason).contains("ce_id"))
                    .anySatisfy(reason -> assertThat(reason).contains("does not know"));
            assertThat(dead).allSatisfy(r -> assertThat(KafkaProbe.header(r, "dead-letter-topic")).isEqualTo(TOPIC));
        }
    }

    private String status(UUID patent) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("SELECT status FROM patent WHERE id = ?1").setParameter(1, patent).getSingleResult());
    }

    private long timesProcessed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = ?1").setParameter(1, eventId)
                .getSingleResult()).longValue());
    }

    private static ConsumerRecord<String, String> accepted(long offset, UUID deal, UUID eventId, UUID patent) {
        String payload = EventFixtures.load("catalog-service", "org.iprharbor.deal.offer-accepted.v1")
                .set("dealId", deal).set("patentId", patent).set("buyerId", UUID.randomUUID())
                .set("sellerId", UUID.randomUUID()).set("dealType", "ASSIGNMENT").json();
        return record(offset, deal, Map.of("ce_specversion", "1.0", "ce_id", eventId.toString(), "ce_source", "/harbor/test",
                "ce_type", "org.iprharbor.deal.offer-accepted.v1", "ce_subject", deal.toString(),
                "ce_time", Instant.now().toString(), "ce_sequence", "3"), payload);
    }

    private static ConsumerRecord<String, String> record(long offset, UUID key, Map<String, String> headers, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(TOPIC, 0, offset, key.toString(), value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
