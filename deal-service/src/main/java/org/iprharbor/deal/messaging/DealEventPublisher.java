package org.iprharbor.deal.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.iprharbor.deal.domain.Deal;
import org.iprharbor.deal.domain.DealChange;
import org.iprharbor.kit.outbox.Outbox;

/**
 * Writes a deal's events to the outbox in the caller's transaction; the service-kit relay publishes them.
 */
@ApplicationScoped
public class DealEventPublisher {

    private final Outbox outbox;

    DealEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    /** @return the event id (ce_id) */
    public UUID publish(Deal deal, DealChange change) {
        return outbox.append(DealTopics.DEALS, DealTopics.type(change.kind()), deal.id(), deal.version(),
                DealEvent.of(deal, change));
    }
}
