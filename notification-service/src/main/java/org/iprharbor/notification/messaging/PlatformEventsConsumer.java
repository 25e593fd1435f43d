package org.iprharbor.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.iprharbor.kit.events.EventBatches;
import org.iprharbor.notification.routing.DealNotifications;
import org.iprharbor.notification.routing.PatentNotifications;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Reads the patent and deal topics; a record that cannot be applied goes to the topic's dead-letter twin.
 */
@ApplicationScoped
public class PlatformEventsConsumer {

    private final PatentNotifications patents;
    private final DealNotifications deals;
    private final EventBatches batches;

    PlatformEventsConsumer(PatentNotifications patents, DealNotifications deals, EventBatches batches) {
        this.patents = patents;
        this.deals = deals;
        this.batches = batches;
    }

    @Incoming("patents")
    @Blocking
    public void onPatentEvents(ConsumerRecords<String, String> records) {
        batches.apply("patent event", records, patents::apply);
    }

    @Incoming("deals")
    @Blocking
    public void onDealEvents(ConsumerRecords<String, String> records) {
        batches.apply("deal event", records, deals::apply);
    }
}
