package org.iprharbor.deal.persistence;

import java.sql.SQLException;

import org.hibernate.exception.ConstraintViolationException;

/**
 * Recognises which database constraint an exception came from, however the persistence layer wrapped it.
 */
public final class Constraints {

    private Constraints() {
    }

    public static boolean violated(Throwable error, String constraint) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && constraint.equals(violation.getConstraintName())) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getMessage() != null && sql.getMessage().contains(constraint)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
