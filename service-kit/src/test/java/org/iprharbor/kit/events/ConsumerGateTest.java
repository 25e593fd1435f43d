package org.iprharbor.kit.events;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Regression (fault suite, consumer-rebalance): a leaving instance applied its fetched records after Hibernate ORM
 * had shut down; each failed, was dead-lettered and committed, so 525 deal events were never applied anywhere.
 */
class ConsumerGateTest {

    private final ConsumerGate gate = new ConsumerGate();
    private final TransientFailures consumer = new TransientFailures(gate);

    @Test
    void shouldHoldARecordThatArrivesOnceTheInstanceStopsWithoutApplyingOrFailingIt() throws Exception {
        gate.closeAndDrain(Duration.ofSeconds(1));
        AtomicBoolean applied = new AtomicBoolean();
        Thread polling = new Thread(() -> consumer.retry("deal event", () -> applied.set(true)));
        polling.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> polling.getState() == Thread.State.TIMED_WAITING);
        assertThat(applied).as("not applied while stopping").isFalse();
        assertThat(polling.isAlive()).as("neither acknowledged nor failed (a failure would be dead-lettered)").isTrue();

        gate.open(); // only a restarted application (tests) opens it again
        polling.join(5_000);
        assertThat(applied).isTrue();
    }

    @Test
    void shouldLetAnEventBeingAppliedFinishBeforeTheStopGoesOn() throws Exception {
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> application = CompletableFuture.runAsync(() -> consumer.retry("deal event", () -> {
            inFlight.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> finish.getCount() == 0);
        }));
        inFlight.await();

        CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> {
            try {
                gate.closeAndDrain(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !stop.isDone());

        finish.countDown();
        application.get();
        await().atMost(Duration.ofSeconds(5)).until(stop::isDone);
    }
}
