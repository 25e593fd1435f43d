package org.iprharbor.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.iprharbor.kit.events.IncomingEvent;
import org.iprharbor.kit.events.TransientFailures;
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
    private final TransientFailures transientFailures;

    PlatformEventsConsumer(PatentNotifications patents, DealNotifications deals, TransientFailures transientFailures) {
        this.patents = patents;
        this.deals = deals;
        this.transientFailures = transientFailures;
    }

    @Incoming("patents")
    @Blocking
    public void onPatentEvent(ConsumerRecord<String, String> record) {
        transientFailures.retry("patent event", () -> patents.apply(IncomingEvent.from(record)));
    }

    @Incoming("deals")
    @Blocking
    public void onDealEvent(ConsumerRecord<String, String> record) {
        transientFailures.retry("deal event", () -> deals.apply(IncomingEvent.from(record)));
    }
}
