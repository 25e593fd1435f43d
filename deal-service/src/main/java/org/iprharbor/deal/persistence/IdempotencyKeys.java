package org.iprharbor.deal.persistence;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.iprharbor.kit.problem.ProblemException;

/**
 * Idempotency keys of {@code POST /deals}, per caller. Claiming a key inserts it in the caller's transaction:
 * a racing request with the same key waits on the primary key until the first commits, then finds its row.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private final EntityManager entityManager;

    IdempotencyKeys(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Claims {@code key} for a new deal; empty when this request is the first with the key, else the deal the
     * earlier request created. The same key with another body is a client mistake: 422.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> claim(UUID callerId, String key, String requestSha256, UUID newDealId) {
        int inserted = entityManager.createNativeQuery("""
                INSERT INTO idempotency_key (caller_id, idem_key, request_sha256, deal_id) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, callerId).setParameter(2, key).setParameter(3, requestSha256).setParameter(4, newDealId)
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        Object[] earlier = (Object[]) entityManager.createNativeQuery("""
                SELECT request_sha256, deal_id FROM idempotency_key WHERE caller_id = ?1 AND idem_key = ?2""")
                .setParameter(1, callerId).setParameter(2, key).getSingleResult();
        if (!requestSha256.equals(earlier[0])) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused", "Idempotency-Key '"
                    + key + "' was already used with a different request body; send a new key for a new offer.");
        }
        return Optional.of((UUID) earlier[1]);
    }
}
