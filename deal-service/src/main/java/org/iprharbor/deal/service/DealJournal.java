package org.iprharbor.deal.service;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.iprharbor.deal.domain.Actor;
import org.iprharbor.deal.domain.Deal;
import org.iprharbor.deal.domain.DealChange;
import org.iprharbor.deal.domain.DealHistoryEntry;
import org.iprharbor.deal.domain.DeadlineKind;
import org.iprharbor.deal.domain.DeadlinePolicy;
import org.iprharbor.deal.domain.PatentAvailability;
import org.iprharbor.deal.messaging.DealEventPublisher;
import org.iprharbor.deal.persistence.Constraints;

import io.quarkus.logging.Log;

/**
 * Makes one step of a deal durable in the current transaction: flushes it (so {@code @Version} has moved on and
 * the event's sequence is the deal's real version), brings its deadlines and their timers in line with its new
 * state, writes its events to the outbox and its audit lines.
 */
@ApplicationScoped
public class DealJournal {

    static final String ONE_EXCLUSIVE_PER_PATENT = "deal_one_exclusive_per_patent";

    private final EntityManager entityManager;
    private final DealEventPublisher events;
    private final DeadlinePolicy deadlines;
    private final DeadlineTimers timers;

    DealJournal(EntityManager entityManager, DealEventPublisher events, DeadlinePolicy deadlines, DeadlineTimers timers) {
        this.entityManager = entityManager;
        this.events = events;
        this.deadlines = deadlines;
        this.timers = timers;
    }

    /**
     * Records a new deal: its opening deadlines go into the row it is inserted with (changing it after
     * {@code persist} would cost an update and a version), then its opening event and any steps after it.
     */
    public void open(Deal deal, Actor buyer) {
        Set<DeadlineKind> opened = deal.updateDeadlines(deadlines.required(deal), deal.updatedAt());
        deal.persist();
        record(deal, deal.openingEvents(), buyer);
        timers.reschedule(deal, opened);
    }

    /** Records the changes of one command, then any steps the deal takes by itself after it. */
    public void record(Deal deal, List<DealChange> changes, Actor actor) {
        write(deal, changes, actor);
        for (List<DealChange> next = deal.advance(DealClock.now()); !next.isEmpty(); next = deal.advance(DealClock.now())) {
            write(deal, next, Actor.system());
        }
    }

    private void write(Deal deal, List<DealChange> changes, Actor actor) {
        Set<DeadlineKind> moved = deal.updateDeadlines(deadlines.required(deal), deal.updatedAt());
        flush(deal);
        for (DealChange change : changes) {
            UUID eventId = events.publish(deal, change);
            DealHistoryEntry.of(deal, change, actor, deal.updatedAt()).persist();
            Log.infof("deal %s dealId=%s patentId=%s partnerId=%s state=%s version=%d eventId=%s", change.kind().slug(),
                    deal.id(), deal.patentId(), actor.id() == null ? actor.role() : actor.id(), change.to(),
                    deal.version(), eventId);
        }
        timers.reschedule(deal, moved);
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
