package org.iprharbor.kit.ratelimit;

/**
 * One caller's budget: {@code capacity} tokens, refilled continuously at {@code refillPerNano}; each request takes
 * one. Time is passed in (nanoTime) so the arithmetic is testable without waiting.
 */
final class TokenBucket {

    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(double capacity, double refillPerSecond, long now) {
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1e9;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes a token if there is one; otherwise says how long until there will be. */
    synchronized Decision take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return new Decision(true, (long) Math.floor(tokens), 0);
        }
        long waitNanos = (long) Math.ceil((1 - tokens) / refillPerNano);
        return new Decision(false, 0, waitNanos);
    }

    /** A bucket that has refilled completely is indistinguishable from a new one, so it can be dropped. */
    synchronized boolean isFull(long now) {
        return tokensAt(now) >= capacity;
    }

    /** When the caller last sent a request. */
    synchronized long lastUsed() {
        return updatedAt;
    }

    private void refill(long now) {
        tokens = tokensAt(now);
        updatedAt = now;
    }

    private double tokensAt(long now) {
        return Math.min(capacity, tokens + Math.max(0, now - updatedAt) * refillPerNano);
    }

    /** The outcome of one request: allowed or not, tokens left, and how long to wait when refused. */
    record Decision(boolean allowed, long remaining, long waitNanos) {

        /** Retry-After in whole seconds, never 0 for a refusal (a client retrying at once would be refused again). */
        long retryAfterSeconds() {
            return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        }
    }
}
