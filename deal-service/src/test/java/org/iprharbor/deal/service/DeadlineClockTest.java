package org.iprharbor.deal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.iprharbor.deal.support.DealFixtures.KAFKA_WAIT;
import static org.iprharbor.deal.support.DealFixtures.command;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.iprharbor.deal.domain.DealHistoryEntry;
import org.iprharbor.deal.domain.DeadlineKind;
import org.iprharbor.deal.domain.DeadlineStatus;
import org.iprharbor.deal.support.ClockAhead;
import org.iprharbor.deal.support.DealFixtures;
import org.iprharbor.deal.support.DealFixtures.Market;
import org.iprharbor.testing.KafkaProbe;
import org.iprharbor.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The deadline clock against real PostgreSQL and Kafka, running 61 days ahead: contracts of freely exportable
 * technology that took effect today are past their 60-day registration deadline, so each gets its two reminders and
 * its missed deadline, once each, while the scheduler and three more workers compete for the timers.
 */
@QuarkusTest
@TestProfile(ClockAhead.class)
class DeadlineClockTest {

    private static final String PREFIX = "org.iprharbor.deal.";

    @Inject
    DeadlineClock clock;

    @Test
    void shouldFireEachReminderAndEachMissedDeadlineOnceWhenWorkersCompete() throws Exception {
        Market market = DealFixtures.market("UZ", "FREE", "NON_EXCLUSIVE_LICENCE");
        try (KafkaProbe probe = KafkaProbe.readFromStart("harbor.deals.v1")) {
            List<UUID> deals = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                deals.add(inEffect(market));
            }
            ExecutorService workers = Executors.newFixedThreadPool(3);
            try {
                List<Future<Integer>> runs = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    runs.add(workers.submit(clock::fireBatch));
                }
                for (Future<Integer> run : runs) {
                    run.get(30, TimeUnit.SECONDS);
                }
            } finally {
                workers.shutdownNow();
            }

            await().atMost(KAFKA_WAIT).until(() -> deals.stream().allMatch(id -> DealFixtures.load(id)
                    .openDeadline(DeadlineKind.CONTRACT_REGISTRATION).orElseThrow().status() == DeadlineStatus.OVERDUE));
            for (UUID id : deals) {
                List<ConsumerRecord<String, String>> clockEvents = probe.await(r -> id.toString().equals(r.key())
                        && KafkaProbe.header(r, "ce_type").startsWith(PREFIX + "deadline-"), 3, KAFKA_WAIT);
                assertThat(clockEvents).extracting(r -> KafkaProbe.header(r, "ce_type")).containsExactly(
                        PREFIX + "deadline-approaching.v1", PREFIX + "deadline-approaching.v1", PREFIX + "deadline-missed.v1");
                assertThat(clockEvents.get(2).value()).contains("\"deadline\":{\"kind\":\"CONTRACT_REGISTRATION\"",
                        "\"status\":\"OVERDUE\"", "\"responsible\":\"SELLER\"");
                long clockSteps = QuarkusTransaction.requiringNew().call(() -> DealHistoryEntry.count(
                        "dealId = ?1 and command = 'clock'", id));
                assertThat(clockSteps).as("clock steps in the history of %s", id).isEqualTo(3);
            }
            // no more timers fire for them: the missed deadline stays owed but is not announced again
            assertThat(clock.fireBatch()).isZero();
            List<String> keys = deals.stream().map(UUID::toString).toList();
            assertThat(probe.seen(r -> keys.contains(r.key())
                    && KafkaProbe.header(r, "ce_type").startsWith(PREFIX + "deadline-"))).hasSize(12);
        }
    }

    @Test
    void shouldCloseAMissedDeadlineAsMetLateWhenItsTaskIsDone() {
        Market market = DealFixtures.market("EG", "FREE", "NON_EXCLUSIVE_LICENCE");
        UUID dealId = inEffect(market);
        await().atMost(KAFKA_WAIT).until(() -> DealFixtures.load(dealId)
                .openDeadline(DeadlineKind.CONTRACT_REGISTRATION).orElseThrow().status() == DeadlineStatus.OVERDUE);

        command(TestTokens.operator(), dealId, "registration", java.util.Map.of("certificateNumber", "2026620000000555"))
                .statusCode(200);

        assertThat(DealFixtures.load(dealId).deadlines()).filteredOn(d -> d.kind() == DeadlineKind.CONTRACT_REGISTRATION)
                .extracting(d -> d.status()).containsExactly(DeadlineStatus.MET_LATE);
    }

    /** A non-exclusive licence of freely exportable technology, signed by both: in effect now. */
    private static UUID inEffect(Market market) {
        UUID dealId = DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(), "NON_EXCLUSIVE_LICENCE"));
        String seller = TestTokens.partner(market.sellerId());
        command(seller, dealId, "accept", null).statusCode(200);
        command(seller, dealId, "sign", null).statusCode(200);
        command(TestTokens.partner(market.buyerId()), dealId, "sign", null).statusCode(200);
        return dealId;
    }
}
