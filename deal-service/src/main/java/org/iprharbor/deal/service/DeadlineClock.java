package org.iprharbor.deal.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.iprharbor.deal.config.DealConfig;
import org.iprharbor.deal.domain.Actor;
import org.iprharbor.deal.domain.Deal;
import org.iprharbor.deal.domain.DealState;
import org.iprharbor.deal.domain.DeadlineKind;
import org.iprharbor.kit.persistence.SqlValues;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Fires the deadline timers that are due: a reminder (deadline-approaching) or a missed deadline (deadline-missed),
 * each as a step of its deal with its event and history line. Every instance runs it; {@code FOR UPDATE SKIP
 * LOCKED} hands each timer to one of them, and the step and the timer's firing commit together, so a timer fires
 * once even when an instance dies mid-batch (its transaction rolls back and another takes the timer).
 */
@ApplicationScoped
public class DeadlineClock {

    // the deal's row is locked with its timer, both skipped when taken: a command holding the deal deletes its
    // timers, so waiting for either lock could close a cycle; a skipped timer fires on the next run
    private static final String DUE = "SELECT t.id, t.deal_id, t.kind, t.due_at, t.missed FROM deal_timer t"
            + " JOIN deal d ON d.id = t.deal_id WHERE t.fired_at IS NULL AND t.fire_at <= ?1"
            + " ORDER BY t.fire_at LIMIT ?2 FOR UPDATE OF t, d SKIP LOCKED";

    private final EntityManager entityManager;
    private final DealJournal journal;
    private final DealConfig config;

    DeadlineClock(EntityManager entityManager, DealJournal journal, DealConfig config) {
        this.entityManager = entityManager;
        this.journal = journal;
        this.config = config;
    }

    @Scheduled(identity = "deal-deadlines", every = "${harbor.deals.deadlines.check}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void fireDueTimers() {
        Batches.untilShort(config.deadlines().batch(), this::fireBatch);
    }

    /** Fires up to one batch of due timers in one transaction; returns how many it took. */
    public int fireBatch() {
        return Batches.once(this::claimDue, (timer, now) -> {
            fire((UUID) timer[1], DeadlineKind.valueOf((String) timer[2]), SqlValues.instant(timer[3]), (Boolean) timer[4], now);
            entityManager.createNativeQuery("UPDATE deal_timer SET fired_at = ?1 WHERE id = ?2")
                    .setParameter(1, now).setParameter(2, timer[0]).executeUpdate();
        });
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> claimDue(Instant now) {
        return entityManager.createNativeQuery(DUE).setParameter(1, now.plus(config.deadlines().clockOffset()))
                .setParameter(2, config.deadlines().batch()).getResultList();
    }

    private void fire(UUID dealId, DeadlineKind kind, Instant dueAt, boolean missed, Instant now) {
        Deal deal = entityManager.find(Deal.class, dealId);
        boolean current = DealState.LIVE.contains(deal.state())
                && deal.openDeadline(kind).filter(deadline -> deadline.dueAt().equals(dueAt)).isPresent();
        if (!current) {
            Log.debugf("timer of dealId=%s %s due %s is stale: the deadline moved or closed", dealId, kind, dueAt);
            return;
        }
        journal.record(deal, missed ? deal.deadlineMissed(kind, now) : deal.deadlineApproaching(kind, now), Actor.system());
    }
}
