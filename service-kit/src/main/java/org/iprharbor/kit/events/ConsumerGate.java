package org.iprharbor.kit.events;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.quarkus.logging.Log;

/**
 * Keeps a stopping instance from applying events it can no longer finish. Quarkus closes Hibernate ORM before the
 * Kafka connector has drained the records it already fetched, so every record applied during a graceful stop failed
 * ("EntityManagerFactory is closed"), was dead-lettered and committed: the fault suite's consumer-rebalance lost 525
 * deal events when a second notification-service instance left. Once the instance stops, the gate lets the
 * applications in flight finish and holds every later record unacknowledged, so the offset commit stops before it
 * and the partition's next owner applies it.
 */
public final class ConsumerGate {

    /** Longer than the connector's wait for unprocessed records (10 s); the process normally exits first. */
    static final Duration HOLD = Duration.ofSeconds(60);

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Condition CHANGED = LOCK.newCondition();
    private static boolean stopping;
    private static int applying;

    private ConsumerGate() {
    }

    /** The application (re)started: events flow. */
    public static void open() {
        LOCK.lock();
        try {
            stopping = false;
            CHANGED.signalAll();
        } finally {
            LOCK.unlock();
        }
    }

    /** The application stops: no new application begins; waits (bounded) for those in flight. */
    public static void closeAndDrain(Duration atMost) throws InterruptedException {
        LOCK.lock();
        try {
            stopping = true;
            long left = atMost.toNanos();
            while (applying > 0 && left > 0) {
                left = CHANGED.awaitNanos(left);
            }
            if (applying > 0) {
                Log.warnf("%d event(s) still being applied after %d s of shutdown", applying, atMost.toSeconds());
            }
        } finally {
            LOCK.unlock();
        }
    }

    /** Runs one application of an event, unless the instance is stopping (then the record is held, never acked). */
    static void apply(String what, Runnable application) {
        enter(what);
        try {
            application.run();
        } finally {
            LOCK.lock();
            try {
                applying--;
                CHANGED.signalAll();
            } finally {
                LOCK.unlock();
            }
        }
    }

    /** True once the instance stops: a caller waiting to try again holds the record instead. */
    static boolean stopping() {
        LOCK.lock();
        try {
            return stopping;
        } finally {
            LOCK.unlock();
        }
    }

    private static void enter(String what) {
        LOCK.lock();
        try {
            if (stopping) {
                hold(what);
            }
            applying++;
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * Neither applies nor fails the record (a failure would dead-letter it and commit past it): waits until the
     * process exits, or the application opens again, or gives up after {@link #HOLD}.
     */
    static void holdRecord(String what) {
        LOCK.lock();
        try {
            hold(what);
        } finally {
            LOCK.unlock();
        }
    }

    private static void hold(String what) {
        Log.debugf("%s held: the instance is stopping, the partition's next owner applies it", what);
        long left = HOLD.toNanos();
        try {
            while (stopping && left > 0) {
                left = CHANGED.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopping) {
            throw new IllegalStateException(what + " not applied: the instance is stopping");
        }
    }
}
