package org.iprharbor.kit.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Reads values of native-query rows, whose Java types depend on the JDBC driver and Hibernate version.
 */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} column as an Instant, whichever type the driver returned it as. */
    public static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
