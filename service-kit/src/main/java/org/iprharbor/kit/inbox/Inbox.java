package org.iprharbor.kit.inbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

/**
 * Remembers which events a consumer has applied, in the same transaction as the effect, so a
 * redelivered event (rebalance, crash before the offset commit, redrive) has no second effect. It remembers for
 * {@code harbor.retention.processed_event.max-age} (30 days), which every way an event comes back must fall within
 * (docs/retention.md).
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Claims the event for {@code consumer}; true the first time, false for a duplicate. Call it
     * first in the transaction that applies the event: a duplicate then does nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        return entityManager.createNativeQuery("""
                INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING""")
                .setFlushMode(FlushModeType.COMMIT) // an insert that reads no entity: no need to flush the session first
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate() == 1;
    }
}
