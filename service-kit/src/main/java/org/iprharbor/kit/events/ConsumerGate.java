package org.iprharbor.kit.events;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;

/**
 * Keeps a stopping instance from applying events it can no longer finish: the applications in flight finish, every
 * later record is held unacknowledged so the partition's next owner applies it (docs/reliability.md,
 * consumer-rebalance). One per application, closed by {@link ConsumerShutdown} and entered through
 * {@link TransientFailures}.
 */
@ApplicationScoped
public class ConsumerGate {

    /** Longer than the connector's wait for unprocessed records (10 s); the process normally exits first. */
    static final Duration HOLD = Duration.ofSeconds(60);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean stopping;
    private int applying;

    /** The application (re)started: events flow. */
    public void open() {
        lock.lock();
        try {
            stopping = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The application stops: no new application begins; waits (bounded) for those in flight. */
    public void closeAndDrain(Duration atMost) throws InterruptedException {
        lock.lock();
        try {
            stopping = true;
            long left = atMost.toNanos();
            while (applying > 0 && left > 0) {
                left = changed.awaitNanos(left);
            }
            if (applying > 0) {
                Log.warnf("%d event(s) still being applied after %d s of shutdown", applying, atMost.toSeconds());
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs one application of an event, unless the instance is stopping (then the record is held, never acked). */
    void apply(String what, Runnable application) {
        enter(what);
        try {
            application.run();
        } finally {
            lock.lock();
            try {
                applying--;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** True once the instance stops: a caller waiting to try again holds the record instead. */
    boolean stopping() {
        lock.lock();
        try {
            return stopping;
        } finally {
            lock.unlock();
        }
    }

    private void enter(String what) {
        lock.lock();
        try {
            if (stopping) {
                hold(what);
            }
            applying++;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Neither applies nor fails the record (a failure would dead-letter it and commit past it): waits until the
     * process exits, or the application opens again, or gives up after {@link #HOLD}.
     */
    void holdRecord(String what) {
        lock.lock();
        try {
            hold(what);
        } finally {
            lock.unlock();
        }
    }

    private void hold(String what) {
        Log.debugf("%s held: the instance is stopping, the partition's next owner applies it", what);
        long left = HOLD.toNanos();
        try {
            while (stopping && left > 0) {
                left = changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopping) {
            throw new IllegalStateException(what + " not applied: the instance is stopping");
        }
    }
}
