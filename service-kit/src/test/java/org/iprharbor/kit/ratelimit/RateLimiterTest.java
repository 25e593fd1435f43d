package org.iprharbor.kit.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);

    @Test
    void shouldAllowABurstUpToCapacityThenRefuseWithTheWaitUntilTheNextToken() {
        RateLimiter limiter = new RateLimiter(config(5, 0.5, 100), now::get);

        for (int i = 4; i >= 0; i--) {
            assertThat(limiter.take("sub:a")).isEqualTo(new TokenBucket.Decision(true, i, 0));
        }
        TokenBucket.Decision refused = limiter.take("sub:a");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(2); // one token per two seconds
    }

    @Test
    void shouldRefillAtTheConfiguredRate() {
        RateLimiter limiter = new RateLimiter(config(2, 1, 100), now::get);
        limiter.take("sub:a");
        limiter.take("sub:a");
        assertThat(limiter.take("sub:a").allowed()).isFalse();

        now.addAndGet(SECOND);

        assertThat(limiter.take("sub:a").allowed()).isTrue();
        assertThat(limiter.take("sub:a").allowed()).isFalse();
    }

    @Test
    void shouldKeepEachCallersBudgetSeparate() {
        RateLimiter limiter = new RateLimiter(config(1, 0.1, 100), now::get);
        assertThat(limiter.take("sub:a").allowed()).isTrue();
        assertThat(limiter.take("sub:a").allowed()).isFalse();

        assertThat(limiter.take("sub:b").allowed()).isTrue();
    }

    @Test
    void shouldNeverAskToRetryInZeroSeconds() {
        assertThat(new TokenBucket.Decision(false, 0, 1).retryAfterSeconds()).isEqualTo(1);
        assertThat(new TokenBucket.Decision(false, 0, SECOND + 1).retryAfterSeconds()).isEqualTo(2);
    }

    @Test
    void shouldForgetRefilledCallersFirstAndStayWithinTheBound() {
        RateLimiter limiter = new RateLimiter(config(2, 1, 10), now::get);
        limiter.take("sub:busy");
        limiter.take("sub:busy");
        for (int i = 0; i < 9; i++) {
            limiter.take("addr:10.0.0." + i);
        }
        now.addAndGet(SECOND / 10);

        for (int i = 0; i < 1_000; i++) {
            limiter.take("addr:192.0.2." + i);
            assertThat(limiter.trackedCallers()).isLessThanOrEqualTo(10);
        }
        // the busy caller was evicted at some point only after it had refilled, so it never gains a token
        assertThat(limiter.take("sub:busy").remaining()).isLessThanOrEqualTo(1);
    }

    @Test
    void shouldEvictTheLongestIdleWhenNoBucketHasRefilled() {
        RateLimiter limiter = new RateLimiter(config(1, 0.001, 10), now::get);
        limiter.take("sub:oldest");
        for (int i = 0; i < 9; i++) {
            now.addAndGet(SECOND);
            limiter.take("sub:" + i);
        }
        now.addAndGet(SECOND);
        limiter.take("sub:newcomer");

        assertThat(limiter.trackedCallers()).isLessThanOrEqualTo(10);
        // the oldest was forgotten, so it starts with a full bucket again; the most recent one was kept
        assertThat(limiter.take("sub:oldest").allowed()).isTrue();
        assertThat(limiter.take("sub:8").allowed()).isFalse();
    }

    private static RateLimitConfig config(int capacity, double refillPerSecond, int maxTracked) {
        return new RateLimitConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public int capacity() {
                return capacity;
            }

            @Override
            public double refillPerSecond() {
                return refillPerSecond;
            }

            @Override
            public int maxTrackedCallers() {
                return maxTracked;
            }
        };
    }
}
