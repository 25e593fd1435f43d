package org.iprharbor.notification.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.iprharbor.notification.config.NotificationConfig;
import org.iprharbor.notification.domain.Delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends queued deliveries, each through its channel's {@link ChannelSender}: wakes when deliveries are committed (and
 * polls as a fallback), claims a batch, and sends each target's deliveries in order on a bounded pool, one thread
 * per target at a time, so a slow or hanging endpoint holds one thread and never the others. The outcomes go to the
 * {@link OutcomeRecorder}, which writes them in groups.
 */
@ApplicationScoped
public class DeliveryWorker {

    /** Time a stopping worker gives its sends beyond the webhook timeout (an SMTP exchange), and then their outcomes' writing. */
    private static final Duration DRAIN_MARGIN = Duration.ofSeconds(5);

    private final DeliveryQueue queue;
    private final OutcomeRecorder outcomes;
    private final ChannelSenders channels;
    private final NotificationConfig config;
    private final MeterRegistry metrics;
    private final Set<UUID> busyTargets = ConcurrentHashMap.newKeySet();
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong oldestWaitingSeconds = new AtomicLong();
    private volatile boolean running;
    private long lastMeasured;
    private ExecutorService senders;
    private Thread dispatcher;

    DeliveryWorker(DeliveryQueue queue, OutcomeRecorder outcomes, ChannelSenders channels, NotificationConfig config,
            MeterRegistry metrics) {
        this.queue = queue;
        this.outcomes = outcomes;
        this.channels = channels;
        this.config = config;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent startup) {
        for (Delivery.Channel channel : Delivery.Channel.values()) {
            for (String outcome : List.of("delivered", "retrying", "dead")) {
                // registered up front, so dashboards show a zero rather than no series
                metrics.counter("harbor.deliveries", "channel", channel.name().toLowerCase(), "outcome", outcome);
            }
            Timer.builder("harbor.delivery.latency").tag("channel", channel.name().toLowerCase())
                    .description("From a delivery's creation to its first successful attempt").register(metrics);
        }
        Gauge.builder("harbor.deliveries.waiting", waiting, AtomicLong::get)
                .description("Deliveries pending, retrying or being sent").register(metrics);
        Gauge.builder("harbor.deliveries.oldest.waiting.seconds", oldestWaitingSeconds, AtomicLong::get)
                .description("Age of the oldest delivery not yet delivered").register(metrics);
        senders = Executors.newFixedThreadPool(config.delivery().senders());
        lastMeasured = System.nanoTime() - TimeUnit.SECONDS.toNanos(2); // nanoTime has no fixed origin
        running = true;
        outcomes.start();
        dispatcher = new Thread(this::loop, "delivery-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /**
     * A graceful stop lets the sends in flight finish and record their outcome (bounded by a webhook's timeout and a
     * margin): interrupting them left them unrecorded, so their lease expired and another instance sent them again
     * (found by the fault suite's consumer-rebalance: three emails arrived twice). Deliveries claimed but not yet
     * sent go back to the queue.
     */
    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wakeUp.release();
        dispatcher.join(5_000);
        senders.shutdown();
        Duration drain = config.webhooks().timeout().plus(DRAIN_MARGIN);
        if (!senders.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
            Log.warnf("deliveries still sending after %d s; interrupting them, their lease will send them again", drain.toSeconds());
            senders.shutdownNow();
            senders.awaitTermination(5, TimeUnit.SECONDS);
        }
        outcomes.stop(DRAIN_MARGIN);
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryQueue.Queued queued) {
        wakeUp.release();
    }

    private void loop() {
        while (running) {
            try {
                wakeUp.tryAcquire(config.delivery().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                dispatch();
                if (System.nanoTime() - lastMeasured > TimeUnit.SECONDS.toNanos(1)) {
                    // at most once a second: every commit that queues a delivery wakes the dispatcher
                    measure();
                    lastMeasured = System.nanoTime();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Log.warnf("delivery dispatcher will retry: %s", e.getMessage());
            }
        }
    }

    private void dispatch() {
        List<Delivery> claimed = queue.claim(Set.copyOf(busyTargets));
        if (claimed.isEmpty()) {
            return;
        }
        claimed.stream().collect(Collectors.groupingBy(delivery -> delivery.targetId)).forEach((target, batch) -> {
            busyTargets.add(target);
            senders.submit(() -> sendAll(target, batch));
        });
    }

    private void sendAll(UUID target, List<Delivery> batch) {
        try {
            for (int sent = 0; sent < batch.size(); sent++) {
                if (!running) {
                    releaseFrom(batch, sent);
                    return;
                }
                Delivery delivery = batch.get(sent);
                Outcome outcome = channels.of(delivery.channel).send(delivery);
                CompletableFuture<Void> written = outcomes.handIn(delivery, outcome);
                if (!outcome.delivered()) {
                    awaitWritten(written);
                    releaseFrom(batch, sent + 1);
                    return;
                }
            }
        } finally {
            busyTargets.remove(target);
            wakeUp.release();
        }
    }

    private void releaseFrom(List<Delivery> batch, int first) {
        if (first < batch.size()) {
            queue.release(batch.subList(first, batch.size()).stream().map(delivery -> delivery.id).toList());
        }
    }

    /**
     * A failed attempt can disable its webhook endpoint (410 Gone, too many failures), which the target's next send
     * must see: so after a failure the worker waits for it to be written and hands the rest of the target's batch back
     * to the queue, whose next claim skips a disabled endpoint (found by the fault suite's webhook-endpoint-faults: the
     * 410 endpoint got more requests, sent while its outcome waited in a group, or later in the same batch).
     */
    private static void awaitWritten(CompletableFuture<Void> written) {
        try {
            written.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void measure() {
        long total = 0;
        long oldest = 0;
        for (Object[] row : queue.depthByStatus()) {
            total += ((Number) row[2]).longValue();
            oldest = Math.max(oldest, ((Number) row[3]).longValue());
        }
        waiting.set(total);
        oldestWaitingSeconds.set(oldest);
    }
}
