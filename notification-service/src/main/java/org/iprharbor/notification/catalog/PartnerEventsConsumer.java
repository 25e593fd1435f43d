package org.iprharbor.notification.catalog;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.iprharbor.kit.events.EventBatches;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Reads {@code harbor.partners.v1}; a record that cannot be applied goes to its dead-letter twin.
 */
@ApplicationScoped
public class PartnerEventsConsumer {

    private final PartnerContacts contacts;
    private final EventBatches batches;

    PartnerEventsConsumer(PartnerContacts contacts, EventBatches batches) {
        this.contacts = contacts;
        this.batches = batches;
    }

    @Incoming("catalog-partners")
    @Blocking
    public void onPartnerEvents(ConsumerRecords<String, String> records) {
        batches.apply("partner event", records, contacts::apply);
    }
}
