package org.iprharbor.deal.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Business settings of deal-service.
 */
@ConfigMapping(prefix = "harbor.deals")
public interface DealConfig {

    /** How often each instance looks for open offers past their validUntil (row locks keep expiry exactly-once). */
    @WithDefault("30s")
    Duration expiryCheck();

    /** How many lapsed offers one expiry transaction takes; it repeats until fewer are left. */
    @WithDefault("100")
    int expiryBatch();

    /** The deadline clock. */
    Deadlines deadlines();

    /** Reminders before each deadline, and how the timers run. */
    interface Deadlines {

        /** How long before a deadline its responsible party is reminded; one reminder each. */
        @WithDefault("P7D,P1D")
        List<Duration> reminders();

        /** How often each instance looks for timers due (row locks make each fire once across instances). */
        @WithDefault("10s")
        Duration check();

        /** How many timers one transaction fires; it repeats until fewer are left. */
        @WithDefault("100")
        int batch();

        /**
         * How far ahead of the wall clock the deadline clock runs: zero in production; a demonstration or a test
         * sets days here to see reminders and missed deadlines fire without waiting for them.
         */
        @WithDefault("PT0S")
        Duration clockOffset();
    }
}
