package org.iprharbor.deal.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.iprharbor.deal.config.DealConfig;
import org.iprharbor.deal.domain.Actor;
import org.iprharbor.deal.domain.Deal;
import org.iprharbor.deal.domain.DealCommand;
import org.iprharbor.deal.domain.DealTransition;

import io.quarkus.scheduler.Scheduled;

/**
 * Expires open offers past their validUntil. Every instance runs it; {@code FOR UPDATE SKIP LOCKED} hands each
 * lapsed deal to exactly one of them, and the expiry and its event commit in one transaction.
 */
@ApplicationScoped
public class DealExpiry {

    /**
     * The states the transition table lets a deal expire from, written into the SQL as literals rather than bound:
     * the planner can use the partial index deal_open_until (same states, pinned by DealSchemaTest) only when it
     * sees them, which a generic plan of a bound list does not.
     */
    private static final String EXPIRABLE_STATES = DealTransition.statesAllowing(DealCommand.EXPIRE).stream()
            .map(state -> "'" + state.name() + "'").collect(Collectors.joining(", "));
    // a deal locked by a command in flight is skipped: that command wins, the next run looks again
    private static final String LAPSED = "SELECT id FROM deal WHERE state IN (" + EXPIRABLE_STATES + ")"
            + " AND valid_until < ?1 ORDER BY valid_until LIMIT ?2 FOR UPDATE SKIP LOCKED";

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
        Batches.untilShort(config.expiryBatch(), this::expireBatch);
    }

    /** Expires up to one batch of lapsed offers in one transaction; returns how many. */
    public int expireBatch() {
        return Batches.once(this::claimLapsed, (id, now) -> {
            Deal deal = entityManager.find(Deal.class, id);
            journal.record(deal, deal.expire(now), Actor.system());
        });
    }

    @SuppressWarnings("unchecked")
    private List<UUID> claimLapsed(Instant now) {
        return entityManager.createNativeQuery(LAPSED, UUID.class).setParameter(1, now)
                .setParameter(2, config.expiryBatch()).getResultList();
    }
}
