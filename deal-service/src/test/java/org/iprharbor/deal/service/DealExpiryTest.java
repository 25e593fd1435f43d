package org.iprharbor.deal.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import org.iprharbor.deal.domain.Deal;
import org.iprharbor.deal.domain.DealHistoryEntry;
import org.iprharbor.deal.domain.DealState;
import org.iprharbor.deal.support.DealFixtures;
import org.iprharbor.deal.support.DealFixtures.Market;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several expiry workers at once (as with several instances, plus this one's own scheduler) expire each lapsed
 * offer exactly once.
 */
@QuarkusTest
class DealExpiryTest {

    @Inject
    DealExpiry expiry;

    @Test
    void shouldExpireEachLapsedOfferOnceWhenWorkersCompete() throws Exception {
        Market market = DealFixtures.market("KZ", "FREE", "NON_EXCLUSIVE_LICENCE");
        List<UUID> deals = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            deals.add(DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(),
                    "NON_EXCLUSIVE_LICENCE", Instant.now().plusSeconds(2))));
        }
        ExecutorService workers = Executors.newFixedThreadPool(3);
        try {
            await().atMost(DealFixtures.KAFKA_WAIT).until(() -> deals.stream()
                    .allMatch(id -> DealFixtures.load(id).validUntil().isBefore(Instant.now())));
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(workers.submit(expiry::expireBatch));
            }
            for (Future<Integer> run : runs) {
                run.get(30, TimeUnit.SECONDS); // none of them fails on a deal another worker holds
            }
        } finally {
            workers.shutdownNow();
        }

        await().atMost(DealFixtures.KAFKA_WAIT).until(() -> deals.stream()
                .allMatch(id -> DealFixtures.load(id).state() == DealState.EXPIRED));
        for (UUID id : deals) {
            long expiries = QuarkusTransaction.requiringNew().call(() -> DealHistoryEntry.count(
                    "dealId = ?1 and command = 'expire'", id));
            long events = QuarkusTransaction.requiringNew().call(() -> ((Number) Deal.getEntityManager()
                    .createNativeQuery("SELECT count(*) FROM outbox WHERE subject = ?1 AND event_type LIKE '%deal-expired%'")
                    .setParameter(1, id.toString()).getSingleResult()).longValue());
            assertThat(expiries).as("expiries of %s", id).isEqualTo(1);
            assertThat(events).as("deal-expired events of %s", id).isEqualTo(1);
            assertThat(DealFixtures.load(id).version()).isEqualTo(1);
        }
    }
}
