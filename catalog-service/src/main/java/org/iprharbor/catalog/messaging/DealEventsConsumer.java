package org.iprharbor.catalog.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.iprharbor.catalog.service.DealEffects;
import org.iprharbor.kit.events.EventBatches;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Reads {@code harbor.deals.v1}; a record that cannot be applied goes to {@code harbor.deals.v1.dlq}.
 */
@ApplicationScoped
public class DealEventsConsumer {

    private final DealEffects effects;
    private final EventBatches batches;

    DealEventsConsumer(DealEffects effects, EventBatches batches) {
        this.effects = effects;
        this.batches = batches;
    }

    @Incoming("deals")
    @Blocking
    public void onDealEvents(ConsumerRecords<String, String> records) {
        batches.apply("deal event", records, effects::apply);
    }
}
