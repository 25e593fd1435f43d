package org.iprharbor.deal.service;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.iprharbor.deal.domain.Deal;
import org.iprharbor.testing.KafkaProbe;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A backlog of several relay batches reaches the topic with every event once and each aggregate's events in their
 * order, and every row is marked published.
 */
@QuarkusTest
class OutboxBacklogTest {

    private static final String TOPIC = "test.outbox-backlog.v1";
    private static final String TYPE = "org.iprharbor.test.backlog.v1";
    /** Two full batches of the relay's default size and a partial third. */
    private static final int EVENTS = 4_500;
    private static final int AGGREGATES = 30;

    @Test
    void shouldPublishABacklogOfSeveralBatchesOnceAndInEachAggregatesOrder() {
        String run = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> Deal.getEntityManager().createNativeQuery("""
                INSERT INTO outbox (event_id, topic, event_key, event_type, subject, sequence, occurred_at, payload)
                SELECT gen_random_uuid(), ?1, ?2 || '-' || (n % ?3), ?4, ?2, n / ?3, now(), '{"n":' || n || '}'
                FROM generate_series(0, ?5 - 1) n ORDER BY n""")
                .setParameter(1, TOPIC).setParameter(2, run).setParameter(3, AGGREGATES).setParameter(4, TYPE)
                .setParameter(5, EVENTS).executeUpdate());

        List<ConsumerRecord<String, String>> records;
        try (KafkaProbe probe = KafkaProbe.readFromStart(TOPIC)) {
            records = probe.await(record -> record.key().startsWith(run), EVENTS, Duration.ofSeconds(60));
        }

        assertThat(records.stream().map(record -> KafkaProbe.header(record, "ce_id")).distinct()).hasSize(EVENTS);
        Map<String, Long> lastSequence = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            long sequence = Long.parseLong(KafkaProbe.header(record, "ce_sequence"));
            Long before = lastSequence.put(record.key(), sequence);
            assertThat(before == null ? -1 : before).as("sequence before %d of %s", sequence, record.key()).isEqualTo(sequence - 1);
        }
        assertThat(lastSequence).hasSize(AGGREGATES);
        await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) Deal
                .getEntityManager().createNativeQuery("SELECT count(*) FROM outbox WHERE subject = ?1 AND published_at IS NULL")
                .setParameter(1, run).getSingleResult()).longValue()) == 0);
    }
}
