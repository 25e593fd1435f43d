package org.iprharbor.deal.persistence;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.iprharbor.kit.retention.PurgeRule;

/**
 * What deal-service forgets, beside service-kit's outbox and processed-event rows: idempotency keys of
 * {@code POST /deals} once older than {@code harbor.retention.idempotency_key.max-age}. Deals, their hash-chained
 * history and the read models are kept for good (docs/retention.md).
 */
@Dependent
public class DealPurgeRules {

    /** A key only has to outlive a client's retries of one offer; the deal it created stays. */
    @Produces
    @Singleton
    PurgeRule idempotencyKey() {
        return PurgeRule.byAge("idempotency_key", "caller_id, idem_key", "created_at", "true");
    }
}
