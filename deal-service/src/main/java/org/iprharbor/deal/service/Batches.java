package org.iprharbor.deal.service;

import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntSupplier;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The loop of deal-service's periodic jobs (expiry, the deadline clock, the procedure's migration), so each job says
 * only what it claims and what it does with each item. A batch is claimed with {@code FOR UPDATE SKIP LOCKED} and
 * handled in one transaction of its own: an instance that dies mid-batch rolls it back and the rows go to whichever
 * instance claims them next; rows another instance holds are skipped, not waited for.
 */
final class Batches {

    private Batches() {
    }

    /**
     * One batch in a new transaction: {@code claim} locks up to a batch of items as of one moment, {@code handle}
     * applies each at that moment; answers how many were claimed.
     */
    static <T> int once(Function<Instant, List<T>> claim, BiConsumer<T, Instant> handle) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = DealClock.now();
            List<T> claimed = claim.apply(now);
            claimed.forEach(item -> handle.accept(item, now));
            return claimed.size();
        });
    }

    /**
     * Runs {@code batch} (which takes at most {@code size} items) again while it comes back full, since more may be
     * waiting; answers how many items all the batches took.
     */
    static int untilShort(int size, IntSupplier batch) {
        int total = 0;
        int taken;
        do {
            taken = batch.getAsInt();
            total += taken;
        } while (taken >= size);
        return total;
    }
}
