package org.iprharbor.deal.catalog;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.iprharbor.kit.events.EventBatches;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Reads the catalog's topics; a record that cannot be applied fails and goes to the topic's dead-letter twin.
 */
@ApplicationScoped
public class CatalogEventsConsumer {

    private final CatalogReadModel readModel;
    private final KnownMatches matches;
    private final EventBatches batches;

    CatalogEventsConsumer(CatalogReadModel readModel, KnownMatches matches, EventBatches batches) {
        this.readModel = readModel;
        this.matches = matches;
        this.batches = batches;
    }

    @Incoming("catalog-partners")
    @Blocking
    public void onPartnerEvents(ConsumerRecords<String, String> records) {
        batches.apply("partner event", records, readModel::applyPartnerEvent);
    }

    @Incoming("catalog-patents")
    @Blocking
    public void onPatentEvents(ConsumerRecords<String, String> records) {
        batches.apply("patent event", records, readModel::applyPatentEvent);
    }

    @Incoming("catalog-needs")
    @Blocking
    public void onNeedEvents(ConsumerRecords<String, String> records) {
        batches.apply("need event", records, matches::apply);
    }
}
