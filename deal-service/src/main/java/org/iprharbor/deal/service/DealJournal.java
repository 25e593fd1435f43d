package org.iprharbor.deal.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.iprharbor.deal.domain.Actor;
import org.iprharbor.deal.domain.Deal;
import org.iprharbor.deal.domain.DealChange;
import org.iprharbor.deal.domain.DealHistoryEntry;
import org.iprharbor.deal.domain.PatentAvailability;
import org.iprharbor.deal.messaging.DealEventPublisher;
import org.iprharbor.deal.persistence.Constraints;

import io.quarkus.logging.Log;

/**
 * Makes one step of a deal durable in the current transaction: flushes it (so {@code @Version} has moved on and
 * the event's sequence is the deal's real version), writes its events to the outbox and its audit lines.
 */
@ApplicationScoped
public class DealJournal {

    static final String ONE_EXCLUSIVE_PER_PATENT = "deal_one_exclusive_per_patent";

    private final EntityManager entityManager;
    private final DealEventPublisher events;

    DealJournal(EntityManager entityManager, DealEventPublisher events) {
        this.entityManager = entityManager;
        this.events = events;
    }

    /** Records the changes of one command, then any steps the deal takes by itself after it. */
    public void record(Deal deal, List<DealChange> changes, Actor actor) {
        write(deal, changes, actor);
        for (List<DealChange> next = deal.advance(DealClock.now()); !next.isEmpty(); next = deal.advance(DealClock.now())) {
            write(deal, next, Actor.system());
        }
    }

    private void write(Deal deal, List<DealChange> changes, Actor actor) {
        flush(deal);
        for (DealChange change : changes) {
            UUID eventId = events.publish(deal, change);
            DealHistoryEntry.of(deal, change, actor, deal.updatedAt()).persist();
            Log.infof("deal %s dealId=%s patentId=%s partnerId=%s state=%s version=%d eventId=%s", change.kind().slug(),
                    deal.id(), deal.patentId(), actor.id() == null ? actor.role() : actor.id(), change.to(),
                    deal.version(), eventId);
        }
    }

    private void flush(Deal deal) {
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            if (Constraints.violated(e, ONE_EXCLUSIVE_PER_PATENT)) {
                throw PatentAvailability.held(deal.patentId());
            }
            throw e;
        }
    }
}
