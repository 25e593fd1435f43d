package org.iprharbor.deal.catalog;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.iprharbor.deal.domain.KnownMatch;
import org.iprharbor.deal.support.DealFixtures;
import org.iprharbor.testing.KafkaProbe;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.iprharbor.deal.support.DealFixtures.KAFKA_WAIT;

/**
 * match-found on the real {@code harbor.needs.v1} reaches {@code known_match} once however often it is delivered, and
 * a poison record goes to {@code harbor.needs.v1.dlq} while the partition keeps flowing.
 */
@QuarkusTest
class KnownMatchesTest {

    @Test
    void shouldKeepOneRowWhenMatchFoundIsDeliveredTwice() {
        UUID needId = UUID.randomUUID();
        UUID matchId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        UUID needOwner = UUID.randomUUID();
        DealFixtures.publishMatch(needId, matchId, needOwner, UUID.randomUUID(), UUID.randomUUID(), eventId);
        DealFixtures.publishMatch(needId, matchId, needOwner, UUID.randomUUID(), UUID.randomUUID(), eventId);
        // a later match of the same need (same key, same partition) is applied only after both copies
        UUID later = UUID.randomUUID();
        DealFixtures.publishMatch(needId, later, needOwner, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        await().atMost(KAFKA_WAIT).until(() -> count("SELECT count(*) FROM known_match WHERE id = ?1", later) == 1);
        assertThat(count("SELECT count(*) FROM known_match WHERE id = ?1", matchId)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = ?1", eventId)).isEqualTo(1);
        KnownMatch kept = QuarkusTransaction.requiringNew().call(() -> KnownMatch.findById(matchId));
        assertThat(kept.needOwnerId).isEqualTo(needOwner);
        assertThat(kept.needId).isEqualTo(needId);
    }

    @Test
    void shouldDeadLetterAMatchWithoutItsNeedOwnerAndKeepConsuming() {
        UUID needId = UUID.randomUUID();
        try (KafkaProbe deadLetters = KafkaProbe.readFromStart("harbor.needs.v1.dlq")) {
            KafkaProbe.publishRawCloudEvent("harbor.needs.v1", needId.toString(), UUID.randomUUID().toString(),
                    KnownMatches.MATCH_FOUND, 0, "{\"matchId\": \"" + UUID.randomUUID() + "\", \"needId\": \"" + needId + "\"}");
            UUID matchId = UUID.randomUUID();
            DealFixtures.publishMatch(needId, matchId, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID());

            await().atMost(KAFKA_WAIT).until(() -> count("SELECT count(*) FROM known_match WHERE id = ?1", matchId) == 1);
            var dead = deadLetters.await(record -> needId.toString().equals(record.key()), 1, KAFKA_WAIT);
            assertThat(dead).extracting(record -> KafkaProbe.header(record, "dead-letter-reason"))
                    .allSatisfy(reason -> assertThat(reason).contains("lacks required fields"));
            assertThat(dead).extracting(record -> KafkaProbe.header(record, "dead-letter-topic")).containsOnly("harbor.needs.v1");
        }
    }

    @Test
    void shouldIgnoreTheNeedEventsOnTheTopicWithoutDeadLetteringThem() {
        UUID needId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        // a need's payload is not a match: read as one it would be poison and dead-lettered
        KafkaProbe.publishRawCloudEvent("harbor.needs.v1", needId.toString(), eventId.toString(),
                "org.iprharbor.catalog.need-posted.v1", 0, "{\"needId\": \"" + needId + "\", \"version\": 0}");
        UUID matchId = UUID.randomUUID();
        DealFixtures.publishMatch(needId, matchId, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID());

        // same key, so the need event was handled (and any dead letter acknowledged) before the match was applied
        await().atMost(KAFKA_WAIT).until(() -> count("SELECT count(*) FROM known_match WHERE id = ?1", matchId) == 1);
        assertThat(KafkaProbe.readAll(KAFKA_WAIT, "harbor.needs.v1.dlq"))
                .noneMatch(record -> needId.toString().equals(record.key()));
        // ignoring is idempotent by itself: no inbox row per need event
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = ?1", eventId)).isZero();
    }

    private static long count(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) KnownMatch.getEntityManager()
                .createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue());
    }
}
