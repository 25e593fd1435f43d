package org.iprharbor.deal.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The service's notion of now, at PostgreSQL's precision (microseconds), so a timestamp read back from the
 * database equals the one written (keyset cursors compare them exactly).
 */
public final class DealClock {

    private DealClock() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
