package org.iprharbor.kit.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Per-caller request budgets: a token bucket per partner (per remote address for anonymous callers).
 */
@ConfigMapping(prefix = "harbor.rate-limit")
public interface RateLimitConfig {

    /** Whether API requests are limited at all (health, metrics and OpenAPI never are). */
    @WithDefault("true")
    boolean enabled();

    /** Largest burst a caller may send at once: the bucket's size. */
    @WithDefault("120")
    int capacity();

    /** Sustained requests per second a caller may send: how fast the bucket refills. */
    @WithDefault("20")
    double refillPerSecond();

    /**
     * Most callers tracked at once; beyond it, idle callers are forgotten first (a forgotten caller starts
     * again with a full bucket, which is what it would have by then anyway).
     */
    @WithDefault("50000")
    int maxTrackedCallers();
}
