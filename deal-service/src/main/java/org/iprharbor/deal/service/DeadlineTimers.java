package org.iprharbor.deal.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.iprharbor.deal.config.DealConfig;
import org.iprharbor.deal.domain.Deal;
import org.iprharbor.deal.domain.Deadline;
import org.iprharbor.deal.domain.DeadlineKind;
import org.iprharbor.deal.domain.DeadlineStatus;

/**
 * Keeps a deal's timers in line with its deadlines, in the transaction of the change: a deadline opened or moved
 * gets a reminder at each lead time still ahead and, if missing it matters, one at its due time; a closed or
 * moved deadline's unfired timers go.
 */
@ApplicationScoped
public class DeadlineTimers {

    private final EntityManager entityManager;
    private final DealConfig config;

    DeadlineTimers(EntityManager entityManager, DealConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reschedule(Deal deal, Set<DeadlineKind> kinds) {
        for (DeadlineKind kind : kinds) {
            entityManager.createNativeQuery("DELETE FROM deal_timer WHERE deal_id = ?1 AND kind = ?2 AND fired_at IS NULL")
                    .setParameter(1, deal.id()).setParameter(2, kind.name()).executeUpdate();
            deal.openDeadline(kind).filter(deadline -> deadline.status() == DeadlineStatus.OPEN)
                    .ifPresent(deadline -> schedule(deal.id(), deadline, deal.updatedAt()));
        }
    }

    private void schedule(UUID dealId, Deadline deadline, Instant now) {
        for (Duration lead : config.deadlines().reminders()) {
            Instant fireAt = deadline.dueAt().minus(lead);
            if (fireAt.isAfter(now)) {
                insert(dealId, deadline, fireAt, false);
            }
        }
        if (deadline.kind().canBeMissed()) {
            insert(dealId, deadline, deadline.dueAt(), true);
        }
    }

    private void insert(UUID dealId, Deadline deadline, Instant fireAt, boolean missed) {
        entityManager.createNativeQuery("INSERT INTO deal_timer (id, deal_id, kind, due_at, fire_at, missed)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, dealId).setParameter(3, deadline.kind().name())
                .setParameter(4, deadline.dueAt()).setParameter(5, fireAt).setParameter(6, missed).executeUpdate();
    }
}
