package org.iprharbor.catalog.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.iprharbor.catalog.service.DealEffects;
import org.iprharbor.kit.events.IncomingEvent;
import org.iprharbor.kit.events.TransientFailures;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Reads {@code harbor.deals.v1}; a record that cannot be applied goes to {@code harbor.deals.v1.dlq}.
 */
@ApplicationScoped
public class DealEventsConsumer {

    private final DealEffects effects;
    private final TransientFailures transientFailures;

    DealEventsConsumer(DealEffects effects, TransientFailures transientFailures) {
        this.effects = effects;
        this.transientFailures = transientFailures;
    }

    @Incoming("deals")
    @Blocking
    public void onDealEvent(ConsumerRecord<String, String> record) {
        transientFailures.retry("deal event", () -> effects.apply(IncomingEvent.from(record)));
    }
}
