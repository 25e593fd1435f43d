package org.iprharbor.deal.catalog;

import java.util.Optional;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.iprharbor.kit.events.EventPayloads;
import org.iprharbor.kit.events.IncomingEvent;
import org.iprharbor.kit.events.PoisonEventException;
import org.iprharbor.kit.inbox.Inbox;

import io.quarkus.logging.Log;

/**
 * Reads a catalog event's payload for one of deal-service's read models, once: a payload that lacks what the model
 * needs is poison (dead-lettered), and an event the consumer has applied before comes back empty (inbox).
 */
@ApplicationScoped
public class OnceReader {

    private final Inbox inbox;
    private final EventPayloads payloads;

    OnceReader(Inbox inbox, EventPayloads payloads) {
        this.inbox = inbox;
        this.payloads = payloads;
    }

    /** Call inside the transaction that applies the event, so the inbox row commits with the effect. */
    public <T> Optional<T> read(String consumer, IncomingEvent event, Class<T> type, Predicate<T> complete) {
        T snapshot = payloads.read(event, type);
        if (!complete.test(snapshot)) {
            throw new PoisonEventException(event.type() + " " + event.id() + " lacks required fields");
        }
        if (!inbox.firstDelivery(consumer, event.id())) {
            Log.debugf("duplicate event skipped eventId=%s consumer=%s", event.id(), consumer);
            return Optional.empty();
        }
        return Optional.of(snapshot);
    }
}
