package org.iprharbor.bench.driver;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenLoopDriverTest {

    private final ScheduledExecutorService server = Executors.newScheduledThreadPool(2);

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    @Test
    void shouldKeepSendingOnScheduleWhileAStalledServerHoldsEarlierRequests() throws InterruptedException {
        // A server that stalls for 300 ms once: a closed-loop driver would wait and record one slow request;
        // the open model keeps sending and every request that arrived during the stall is charged for it.
        long stallUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(700);
        long stallFrom = stallUntil - TimeUnit.MILLISECONDS.toNanos(300);
        LoadProfile profile = new LoadProfile(200, Duration.ZERO, Duration.ofMillis(100), Duration.ofMillis(1_000));

        LoadResult result = new OpenLoopDriver(1_000, Duration.ofSeconds(5), line -> { }).run("stall", profile, n -> {
            CompletableFuture<Outcome> answer = new CompletableFuture<>();
            long now = System.nanoTime();
            long delay = now >= stallFrom && now < stallUntil ? stallUntil - now : TimeUnit.MILLISECONDS.toNanos(1);
            server.schedule(() -> answer.complete(Outcome.OK), delay, TimeUnit.NANOSECONDS);
            return answer;
        });

        assertThat(result.completed()).isBetween(190L, 210L);
        assertThat(result.errors()).isZero();
        assertThat(result.throughput()).isBetween(180.0, 220.0);
        // about 60 of 200 measured requests arrived during the stall: more than 10 % of them waited over 100 ms
        assertThat(result.percentileMillis(90)).isGreaterThan(100);
        assertThat(result.maxMillis()).isGreaterThan(250);
        assertThat(result.percentileMillis(50)).isLessThan(100);
    }

    @Test
    void shouldCountFailuresAndRequestsBeyondTheInFlightLimitAsErrors() throws InterruptedException {
        LoadProfile profile = new LoadProfile(100, Duration.ZERO, Duration.ZERO, Duration.ofMillis(500));
        LoadResult result = new OpenLoopDriver(10, Duration.ofMillis(200), line -> { }).run("failing", profile,
                n -> n % 2 == 0 ? CompletableFuture.completedFuture(Outcome.ERROR) : new CompletableFuture<>());

        assertThat(result.completed()).isZero();
        assertThat(result.errors()).isEqualTo(50);
    }
}
