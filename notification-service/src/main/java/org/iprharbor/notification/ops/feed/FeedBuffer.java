package org.iprharbor.notification.ops.feed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.iprharbor.notification.ops.OpsConfig;

/**
 * The live feed's memory: the most recent events, bounded (the oldest fall out), numbered in arrival order.
 */
@ApplicationScoped
public class FeedBuffer {

    private final int capacity;
    private final Deque<FeedEntry> entries = new ArrayDeque<>();
    private long lastSequence;

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
        return lastSequence;
    }

    /** Matching entries after {@code sequence}, oldest first. */
    public synchronized List<FeedEntry> after(long sequence, Predicate<FeedEntry> filter) {
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
