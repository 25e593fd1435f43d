package org.iprharbor.deal.config;

import java.time.Duration;

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
}
