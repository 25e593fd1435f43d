package org.iprharbor.kit.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The buckets of every caller seen recently, in bounded memory: when more than the configured number of callers
 * are tracked, buckets that have refilled are dropped first, then the longest idle.
 */
@ApplicationScoped
public class RateLimiter {

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final RateLimitConfig config;
    private final LongSupplier clock;

    @Inject
    RateLimiter(RateLimitConfig config) {
        this(config, System::nanoTime);
    }

    RateLimiter(RateLimitConfig config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Spends one request of {@code caller}'s budget. */
    TokenBucket.Decision take(String caller) {
        long now = clock.getAsLong();
        TokenBucket bucket = buckets.get(caller);
        if (bucket == null) {
            if (buckets.size() >= config.maxTrackedCallers()) {
                evict(now);
            }
            bucket = buckets.computeIfAbsent(caller, key -> new TokenBucket(config.capacity(), config.refillPerSecond(), now));
        }
        return bucket.take(now);
    }

    int trackedCallers() {
        return buckets.size();
    }

    private synchronized void evict(long now) {
        if (buckets.size() < config.maxTrackedCallers()) {
            return; // another thread made room meanwhile
        }
        buckets.values().removeIf(bucket -> bucket.isFull(now));
        int target = config.maxTrackedCallers() * 9 / 10;
        if (buckets.size() > target) {
            // snapshot the idle times first: buckets keep changing while we sort
            buckets.entrySet().stream()
                    .map(entry -> Map.entry(entry.getKey(), entry.getValue().lastUsed()))
                    .toList().stream()
                    .sorted(Map.Entry.comparingByValue())
                    .limit(buckets.size() - target)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(buckets::remove);
        }
    }
}
