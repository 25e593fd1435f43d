package org.iprharbor.notification.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.iprharbor.kit.persistence.DatabaseOutage;
import org.iprharbor.notification.config.NotificationConfig;
import org.iprharbor.notification.domain.Delivery;

import io.quarkus.logging.Log;

/**
 * Writes the outcomes the sender threads hand in, many per transaction: one commit per delivery was a quarter of
 * notification-service's CPU while it drained a backlog (docs/benchmarks/tuning.md). A delivery stays claimed under
 * its lease until its outcome is written, so no other worker sends it meanwhile; a sender waits for the write only
 * when the outcome changes what the next send to the same target must see (see {@link DeliveryWorker}).
 */
@ApplicationScoped
public class OutcomeRecorder {

    /** Outcomes written in one transaction at most. */
    static final int GROUP_SIZE = 100;
    /** Time kept between the last try to record an outcome and the end of the delivery's lease. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(10);

    private final DeliveryResults results;
    private final Duration lease;
    private final BlockingQueue<HandedIn> handedIn = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread writer;

    OutcomeRecorder(DeliveryResults results, NotificationConfig config) {
        this.results = results;
        this.lease = config.delivery().lease();
    }

    /** An outcome waiting to be written, and what tells its sender it was (or was given up on). */
    private record HandedIn(DeliveryResults.Attempted attempted, CompletableFuture<Void> written) {
    }

    /**
     * Takes an attempt's outcome to be written soon; called by the sender right after the attempt. The returned
     * future completes once the outcome is written, or given up on (its lease will send the delivery again).
     */
    CompletableFuture<Void> handIn(Delivery delivery, Outcome outcome) {
        HandedIn item = new HandedIn(new DeliveryResults.Attempted(delivery.id, outcome,
                System.nanoTime() + lease.minus(LEASE_MARGIN).toNanos()), new CompletableFuture<>());
        handedIn.add(item);
        return item.written();
    }

    void start() {
        running = true;
        writer = new Thread(this::loop, "delivery-outcomes");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Writes every outcome handed in so far, then stops (the senders have stopped before); an outcome still unwritten
     * after {@code patience} (the database is away) is left to its lease.
     */
    void stop(Duration patience) throws InterruptedException {
        running = false;
        writer.join(patience.toMillis());
        if (writer.isAlive()) {
            Log.warnf("%d delivery outcomes still unrecorded after %d s; their lease will send them again", handedIn.size(),
                    patience.toSeconds());
            writer.interrupt();
            writer.join(5_000);
        }
    }

    private void loop() {
        List<HandedIn> group = new ArrayList<>(GROUP_SIZE);
        while (running || !handedIn.isEmpty()) {
            try {
                HandedIn first = handedIn.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                handedIn.drainTo(group, GROUP_SIZE - 1);
                write(group.stream().map(HandedIn::attempted).toList());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.forEach(item -> item.written().complete(null));
                group.clear();
            }
        }
    }

    /**
     * A delivery sent but whose outcome cannot be written (the database is restarting) would be sent a second time
     * once its lease expires; so the write is retried for as long as the leases still hold (found by the fault suite's
     * PostgreSQL restart: emails and webhooks arrived twice). A group that fails while the database is up is written
     * one outcome at a time, so one outcome that cannot be written holds up only itself.
     */
    private void write(List<DeliveryResults.Attempted> group) throws InterruptedException {
        long deadline = group.stream().mapToLong(DeliveryResults.Attempted::recordBy).min().orElseThrow();
        for (long pauseMillis = 100; ; pauseMillis = Math.min(pauseMillis * 2, 5_000)) {
            try {
                results.recordAll(group);
                return;
            } catch (RuntimeException e) {
                if (group.size() > 1 && DatabaseOutage.in(e).isEmpty()) {
                    for (DeliveryResults.Attempted attempted : group) {
                        write(List.of(attempted));
                    }
                    return;
                }
                if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMillis) > deadline) {
                    Log.errorf(e, "%d delivery outcomes could not be recorded; their lease will expire and they will be sent again",
                            group.size());
                    return;
                }
                Log.warnf("%d deliveries sent but not recorded yet (%s); retrying in %d ms", group.size(), e.getMessage(), pauseMillis);
                Thread.sleep(pauseMillis);
            }
        }
    }
}
