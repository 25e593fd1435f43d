package org.iprharbor.kit.persistence;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;

import org.hibernate.exception.JDBCConnectionException;

/**
 * Recognises work that failed because the database could not take it now (unreachable, restarting, or no pooled
 * connection free within the acquisition timeout), however deeply the driver's error is wrapped: a failed commit
 * surfaces as {@code ArcUndeclaredThrowableException} → {@code RollbackException}, with the driver's I/O error only
 * among the suppressed exceptions (found by the fault suite in CI). Requests answer 503 for it, consumers apply the
 * event again.
 *
 * @param atCommit the connection broke while the transaction was committing, so whether it was saved is unknown
 * @param reason the driver's own words, for the log (the outer exceptions only say "Error invoking subclass method")
 */
public record DatabaseOutage(boolean atCommit, String reason) {

    /** SQLSTATE class 08: connection exception (refused, broken, closed). */
    private static final String CONNECTION_EXCEPTION = "08";

    /** SQLSTATE class 57P: operator intervention (admin or crash shutdown, starting up, cannot connect now). */
    private static final String OPERATOR_INTERVENTION = "57P";

    /** Agroal's pool, when every connection stays busy past the acquisition timeout; it sets no SQLSTATE. */
    private static final String POOL_EXHAUSTED = "Sorry, acquisition timeout!";

    public static Optional<DatabaseOutage> in(Throwable thrown) {
        Throwable outage = null;
        boolean atCommit = false;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.push(thrown);
        while (!pending.isEmpty()) {
            Throwable next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (outage == null && (next instanceof JDBCConnectionException || isOutage(next))) {
                outage = next;
            }
            atCommit |= next instanceof RollbackException || next instanceof HeuristicMixedException
                    || next instanceof HeuristicRollbackException;
            if (next.getCause() != null) {
                pending.push(next.getCause());
            }
            for (Throwable suppressed : next.getSuppressed()) {
                pending.push(suppressed);
            }
        }
        return outage == null ? Optional.empty() : Optional.of(new DatabaseOutage(atCommit, outage.getMessage()));
    }

    private static boolean isOutage(Throwable thrown) {
        if (!(thrown instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState();
        return state == null ? POOL_EXHAUSTED.equals(sql.getMessage())
                : state.startsWith(CONNECTION_EXCEPTION) || state.startsWith(OPERATOR_INTERVENTION);
    }
}
