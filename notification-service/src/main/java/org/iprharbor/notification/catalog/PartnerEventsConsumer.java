package org.iprharbor.notification.catalog;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.iprharbor.kit.events.IncomingEvent;
import org.iprharbor.kit.events.TransientFailures;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Reads {@code harbor.partners.v1}; a record that cannot be applied goes to its dead-letter twin.
 */
@ApplicationScoped
public class PartnerEventsConsumer {

    private final PartnerContacts contacts;
    private final TransientFailures transientFailures;

    PartnerEventsConsumer(PartnerContacts contacts, TransientFailures transientFailures) {
        this.contacts = contacts;
        this.transientFailures = transientFailures;
    }

    @Incoming("catalog-partners")
    @Blocking
    public void onPartnerEvent(ConsumerRecord<String, String> record) {
        transientFailures.retry("partner event", () -> contacts.apply(IncomingEvent.from(record)));
    }
}
