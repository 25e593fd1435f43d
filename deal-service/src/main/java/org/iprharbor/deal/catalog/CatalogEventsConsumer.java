package org.iprharbor.deal.catalog;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.iprharbor.kit.events.IncomingEvent;
import org.iprharbor.kit.events.TransientFailures;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Reads the catalog's topics; a record that cannot be applied fails and goes to the topic's dead-letter twin.
 */
@ApplicationScoped
public class CatalogEventsConsumer {

    private final CatalogReadModel readModel;
    private final TransientFailures transientFailures;

    CatalogEventsConsumer(CatalogReadModel readModel, TransientFailures transientFailures) {
        this.readModel = readModel;
        this.transientFailures = transientFailures;
    }

    @Incoming("catalog-partners")
    @Blocking
    public void onPartnerEvent(ConsumerRecord<String, String> record) {
        transientFailures.retry("partner event", () -> readModel.applyPartnerEvent(IncomingEvent.from(record)));
    }

    @Incoming("catalog-patents")
    @Blocking
    public void onPatentEvent(ConsumerRecord<String, String> record) {
        transientFailures.retry("patent event", () -> readModel.applyPatentEvent(IncomingEvent.from(record)));
    }
}
