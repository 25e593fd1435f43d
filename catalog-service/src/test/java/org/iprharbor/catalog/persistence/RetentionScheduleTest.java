package org.iprharbor.catalog.persistence;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.iprharbor.catalog.domain.Partner;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The purge runs by itself on its schedule (every second here; tests elsewhere run it by hand), with the shipped
 * max-ages, and counts what it deleted in {@code harbor_retention_purged_total}.
 */
@QuarkusTest
@TestProfile(RetentionScheduleTest.EverySecond.class)
class RetentionScheduleTest {

    /** The purge every second, first a second after start. */
    public static class EverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("harbor.retention.every", "1s", "harbor.retention.first-run-after", "1s");
        }
    }

    @Test
    void shouldPurgeOnItsScheduleAndCountWhatItPurged() {
        UUID aged = UUID.randomUUID();
        UUID young = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> Partner.getEntityManager().createNativeQuery("""
                INSERT INTO processed_event (consumer, event_id, processed_at)
                VALUES ('retention-schedule-test', ?1, now() - interval '31 days'), ('retention-schedule-test', ?2, now())""")
                .setParameter(1, aged).setParameter(2, young).executeUpdate());

        await().atMost(Duration.ofSeconds(20)).until(() -> processed(aged) == 0);

        assertThat(processed(young)).isEqualTo(1);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("harbor_retention_purged_total\\{[^}]*table=\"processed_event\"[^}]*} [1-9]")
                .containsPattern("harbor_retention_table_bytes\\{[^}]*table=\"outbox\"[^}]*} [1-9]");
    }

    private static long processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Partner.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = ?1").setParameter(1, eventId)
                .getSingleResult()).longValue());
    }
}
