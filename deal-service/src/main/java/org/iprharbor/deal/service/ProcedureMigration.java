package org.iprharbor.deal.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.iprharbor.deal.domain.Actor;
import org.iprharbor.deal.domain.Deal;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Brings the deals that were in flight when the export procedure arrived (V5__deal_procedure.sql) under it, through
 * the aggregate so each change has its event: works out their deadlines, and sends restricted technology that is
 * negotiating or agreed without a letter of intent back to the authority's review. Runs after start-up on every
 * instance; {@code FOR UPDATE SKIP LOCKED} gives each deal to one of them.
 */
@ApplicationScoped
public class ProcedureMigration {

    private static final int BATCH = 100;
    private static final String UNSETTLED = "SELECT id FROM deal WHERE NOT deadlines_settled LIMIT ?1 FOR UPDATE SKIP LOCKED";

    private final EntityManager entityManager;
    private final DealJournal journal;

    ProcedureMigration(EntityManager entityManager, DealJournal journal) {
        this.entityManager = entityManager;
        this.journal = journal;
    }

    @Scheduled(identity = "deal-procedure-migration", every = "1h", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void settleDealsInFlight() {
        int settled = Batches.untilShort(BATCH, this::settleBatch);
        if (settled > 0) {
            Log.infof("brought %d deals in flight under the export procedure", settled);
        }
    }

    /** Settles up to one batch of deals in one transaction; returns how many. */
    public int settleBatch() {
        return Batches.once(now -> claimUnsettled(),
                (id, now) -> journal.record(entityManager.find(Deal.class, id), List.of(), Actor.system()));
    }

    @SuppressWarnings("unchecked")
    private List<UUID> claimUnsettled() {
        return entityManager.createNativeQuery(UNSETTLED, UUID.class).setParameter(1, BATCH).getResultList();
    }
}
