package org.iprharbor.notification.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with ±20% jitter, so endpoints that fail together do not all retry together.
 */
final class Backoff {

    private Backoff() {
    }

    static Duration after(int attempt, Duration first, Duration max) {
        double exponential = first.toMillis() * Math.pow(2, Math.max(0, attempt - 1));
        double capped = Math.min(exponential, max.toMillis());
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (capped * jitter));
    }
}
