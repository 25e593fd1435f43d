package org.iprharbor.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.iprharbor.kit.events.EventBatches;
import org.iprharbor.notification.matches.NeedNotifications;
import org.iprharbor.notification.routing.DealNotifications;
import org.iprharbor.notification.routing.PatentNotifications;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Reads the patent, need and deal topics; a record that cannot be applied goes to the topic's dead-letter twin.
 */
@ApplicationScoped
public class PlatformEventsConsumer {

    private final PatentNotifications patents;
    private final DealNotifications deals;
    private final NeedNotifications needs;
    private final EventBatches batches;

    PlatformEventsConsumer(PatentNotifications patents, DealNotifications deals, NeedNotifications needs,
            EventBatches batches) {
        this.patents = patents;
        this.deals = deals;
        this.needs = needs;
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

    @Incoming("needs")
    @Blocking
    public void onNeedEvents(ConsumerRecords<String, String> records) {
        batches.apply("need event", records, needs::apply);
    }
}
