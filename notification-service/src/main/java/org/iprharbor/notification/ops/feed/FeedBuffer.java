package org.iprharbor.notification.ops.feed;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.iprharbor.notification.ops.OpsConfig;

/**
 * The live feed's memory: the most recent events, bounded (the oldest fall out), numbered in arrival order. It also
 * remembers when it was last read, so {@link LiveFeed} follows Kafka only while someone is watching.
 */
@ApplicationScoped
public class FeedBuffer {

    private final int capacity;
    private final Deque<FeedEntry> entries = new ArrayDeque<>();
    private long lastSequence;
    private volatile long lastReadNanos = System.nanoTime() - Long.MAX_VALUE / 2; // never read yet

    FeedBuffer(OpsConfig config) {
        this.capacity = config.feedCapacity();
    }

    /** Adds an event; the buffer gives it its sequence number. */
    public synchronized FeedEntry add(FeedEntry unnumbered) {
        FeedEntry entry = new FeedEntry(++lastSequence, unnumbered.time(), unnumbered.topic(), unnumbered.partition(),
                unnumbered.offset(), unnumbered.type(), unnumbered.subject(), unnumbered.key(), unnumbered.fields());
        entries.addLast(entry);
        while (entries.size() > capacity) {
            entries.removeFirst();
        }
        return entry;
    }

    /** The sequence number of the newest entry (0 when empty). */
    public synchronized long lastSequence() {
        lastReadNanos = System.nanoTime();
        return lastSequence;
    }

    /** True if a reader asked for entries within {@code window}. */
    public boolean readWithin(Duration window) {
        return System.nanoTime() - lastReadNanos < window.toNanos();
    }

    /**
     * Drops every entry, when the feed starts following Kafka (again): what it held is stale, and the start's backfill
     * brings back the latest records. Sequence numbers keep counting up.
     */
    public synchronized void clear() {
        entries.clear();
    }

    /** Matching entries after {@code sequence}, oldest first. */
    public synchronized List<FeedEntry> after(long sequence, Predicate<FeedEntry> filter) {
        lastReadNanos = System.nanoTime();
        List<FeedEntry> newer = new ArrayList<>();
        for (FeedEntry entry : entries) {
            if (entry.sequence() > sequence && filter.test(entry)) {
                newer.add(entry);
            }
        }
        return newer;
    }

    /** The newest {@code limit} matching entries, newest first. */
    public synchronized List<FeedEntry> newest(int limit, Predicate<FeedEntry> filter) {
        lastReadNanos = System.nanoTime();
        List<FeedEntry> newest = new ArrayList<>();
        for (Iterator<FeedEntry> it = entries.descendingIterator(); it.hasNext() && newest.size() < limit;) {
            FeedEntry entry = it.next();
            if (filter.test(entry)) {
                newest.add(entry);
            }
        }
        return newest;
    }
}
