package org.iprharbor.notification.delivery;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import org.iprharbor.notification.domain.Delivery;
import org.iprharbor.notification.support.CatalogAndDeals;
import org.iprharbor.notification.support.Integrators;
import org.iprharbor.notification.support.WebhookReceiver;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Regression (fault suite, consumer-rebalance): stopping an instance interrupted the sends in flight before their
 * outcome was written; their lease expired and another instance sent the same emails again. A stopping worker must
 * let a send in flight finish and record it, so nothing is left to send twice.
 */
@QuarkusTest
class GracefulStopTest {

    @Inject
    DeliveryWorker worker;

    @Test
    void shouldRecordASendInFlightBeforeTheWorkerStops() throws Exception {
        try (WebhookReceiver slow = WebhookReceiver.start().delaying(1_500)) {
            UUID subscription = UUID.fromString(Integrators.subscribe(UUID.randomUUID(), slow.url(),
                    List.of("org.iprharbor.deal.deal-opened.v1")).getString("id"));
            UUID deal = UUID.randomUUID();
            CatalogAndDeals.dealEvent(UUID.randomUUID(), "deal-opened", deal, UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID(), "KZ", "CN", 0);
            // the endpoint has the request and answers in 1.5 s: the send is in flight
            await().atMost(CatalogAndDeals.WAIT).until(() -> slow.received().stream().anyMatch(request -> request.body().contains(deal.toString())));

            try {
                worker.stop(null);
                Delivery delivery = QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>find("targetId", subscription).singleResult());
                assertThat(delivery.status).as("recorded before the worker stopped").isEqualTo(Delivery.Status.DELIVERED);
                assertThat(delivery.attempts).isEqualTo(1);
            } finally {
                worker.start(null);
            }
        }
    }
}
