package org.iprharbor.deal.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.iprharbor.deal.config.DealConfig;
import org.iprharbor.deal.domain.Actor;
import org.iprharbor.deal.domain.Deal;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Expires open offers past their validUntil. Every instance runs it; {@code FOR UPDATE SKIP LOCKED} hands each
 * lapsed deal to exactly one of them, and the expiry and its event commit in one transaction.
 */
@ApplicationScoped
public class DealExpiry {

    private final EntityManager entityManager;
    private final DealJournal journal;
    private final DealConfig config;

    DealExpiry(EntityManager entityManager, DealJournal journal, DealConfig config) {
        this.entityManager = entityManager;
        this.journal = journal;
        this.config = config;
    }

    @Scheduled(identity = "deal-expiry", every = "${harbor.deals.expiry-check}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expireLapsedOffers() {
        while (expireBatch() == config.expiryBatch()) {
            // a full batch means more may be waiting
        }
    }

    /** Expires up to one batch of lapsed offers in one transaction; returns how many. */
    public int expireBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = DealClock.now();
            // a deal locked by a command in flight is skipped: that command wins, the next run looks again
            @SuppressWarnings("unchecked")
            List<UUID> lapsed = entityManager.createNativeQuery("""
                    SELECT id FROM deal WHERE state IN ('OFFERED', 'COUNTERED') AND valid_until < ?1
                    ORDER BY valid_until LIMIT ?2 FOR UPDATE SKIP LOCKED""", UUID.class)
                    .setParameter(1, now).setParameter(2, config.expiryBatch()).getResultList();
            for (UUID id : lapsed) {
                Deal deal = entityManager.find(Deal.class, id);
                journal.record(deal, deal.expire(now), Actor.system());
            }
            return lapsed.size();
        });
    }
}
