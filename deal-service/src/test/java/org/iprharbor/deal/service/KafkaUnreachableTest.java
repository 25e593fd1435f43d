package org.iprharbor.deal.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.iprharbor.deal.support.DealFixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * With the broker out of the outbox relay's reach, partners can still make offers: the deal and its event
 * commit together, the event waits in the outbox (nothing is marked published without an acknowledgement), and
 * readiness stays UP while its details show the backlog.
 */
@QuarkusTest
@TestProfile(KafkaUnreachableTest.RelayCannotReachKafka.class)
class KafkaUnreachableTest {

    /** The relay publishes to a port where no broker listens; the consumers still read the real one. */
    public static class RelayCannotReachKafka implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("harbor.outbox.bootstrap-servers", "127.0.0.1:9", "harbor.outbox.send-timeout", "4s",
                    "harbor.outbox.retry-backoff", "500ms", "harbor.health.kafka-bootstrap-servers", "127.0.0.1:9");
        }
    }

    @Test
    void shouldAcceptOffersAndKeepTheirEventsInTheOutbox() {
        DealFixtures.Market market = DealFixtures.market("KZ", "FREE", "NON_EXCLUSIVE_LICENCE");
        UUID deal = DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(), "NON_EXCLUSIVE_LICENCE"));

        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> org.iprharbor.deal.domain.Deal.getEntityManager()
                .createNativeQuery("SELECT event_type, published_at FROM outbox WHERE event_key = ?1")
                .setParameter(1, deal.toString()).getResultList());
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row[0]).isEqualTo("org.iprharbor.deal.deal-opened.v1");
            assertThat(row[1]).as("not published without the broker's acknowledgement").isNull();
        });
        await().atMost(DealFixtures.KAFKA_WAIT).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Outbox' }.data.pending", greaterThanOrEqualTo(1)));
    }

    /**
     * Regression (fault suite, kafka-kill-9): with the broker gone, Quarkus' Kafka check held readiness for a minute,
     * so probes timed out instead of seeing a service that still takes commands. It must answer at once, UP, and
     * say it is degraded.
     */
    @Test
    void shouldAnswerReadinessAtOnceAndSayDegradedWhileTheBrokerIsAway() {
        long began = System.nanoTime();
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'Kafka connection health check' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Kafka connection health check' }.data.degraded",
                        startsWith("broker unreachable"));
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
    }
}
