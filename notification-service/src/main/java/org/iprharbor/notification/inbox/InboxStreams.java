package org.iprharbor.notification.inbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.iprharbor.notification.config.NotificationConfig;
import org.iprharbor.notification.domain.InboxItem;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * Every open inbox stream of this instance, fed by one poller: each poll reads the new items of all partners with an
 * open stream in one query and hands each to that partner's streams, so the database work does not grow with the
 * number of streams. A stream that opens (or resumes from a Last-Event-ID) first catches up with one query of its
 * own, then joins the poll. Streams idle for the heartbeat interval get a comment, so proxies keep them open.
 * Polling the database rather than an in-memory bus lets a stream see items written by any instance.
 */
@ApplicationScoped
public class InboxStreams {

    private final InboxStreamReader reader;
    private final NotificationConfig.InboxStream config;
    private final Map<UUID, List<Subscriber>> open = new HashMap<>(); // guarded by this
    private final AtomicInteger streams = new AtomicInteger();
    private final Counter polls;
    private final Counter catchUps;
    /** Every open partner's items up to here have been handed to its live streams; null while none is open. */
    private StreamCursor seen; // guarded by this

    InboxStreams(InboxStreamReader reader, NotificationConfig config, MeterRegistry metrics) {
        this.reader = reader;
        this.config = config.inboxStream();
        Gauge.builder("harbor.inbox.streams.open", streams, AtomicInteger::get)
                .description("Inbox streams (Server-Sent Events) open on this instance").register(metrics);
        this.polls = queries(metrics, "poll");
        this.catchUps = queries(metrics, "catch-up");
    }

    private static Counter queries(MeterRegistry metrics, String kind) {
        return Counter.builder("harbor.inbox.stream.queries").tag("kind", kind)
                .description("Database reads of the inbox streams: one poll for all streams, at most one catch-up per opened stream")
                .register(metrics);
    }

    /** Where a stream opened now starts. May read the database (when no stream is open), so not on an I/O thread. */
    public StreamCursor now() {
        synchronized (this) {
            if (seen != null) {
                return seen;
            }
        }
        StreamCursor horizon = reader.horizon(); // outside the lock, which an opening stream takes on an I/O thread
        synchronized (this) {
            if (seen == null) {
                seen = horizon;
            }
            return seen;
        }
    }

    /** One partner's items after {@code from}, in stream order, then each new one as it commits, with heartbeats. */
    public Multi<InboxStreamEvent> follow(UUID partner, StreamCursor from) {
        // a client that cannot keep up overflows the buffer, which ends its stream; it resumes from its Last-Event-ID
        return Multi.createFrom().<InboxStreamEvent>emitter(emitter -> {
            Subscriber subscriber = new Subscriber(partner, from, emitter, System.nanoTime());
            emitter.onTermination(() -> close(subscriber));
            open(subscriber);
        }, config.buffer());
    }

    private synchronized void open(Subscriber subscriber) {
        if (seen == null) {
            seen = subscriber.last; // no other stream is open: nothing has been handed out from anywhere else
        }
        open.computeIfAbsent(subscriber.partner, partner -> new ArrayList<>()).add(subscriber);
        streams.incrementAndGet();
    }

    private synchronized void close(Subscriber subscriber) {
        List<Subscriber> ofPartner = open.get(subscriber.partner);
        if (ofPartner != null && ofPartner.remove(subscriber)) {
            streams.decrementAndGet();
            if (ofPartner.isEmpty()) {
                open.remove(subscriber.partner);
            }
        }
    }

    @Scheduled(every = "${harbor.notifications.inbox-stream.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            handOutNewItems();
            catchUpOpenedStreams();
        } catch (RuntimeException e) {
            Log.warnf("inbox streams could not read new items; the next poll tries again: %s", e.getMessage());
        } finally {
            sendHeartbeats();
        }
    }

    private void handOutNewItems() {
        StreamCursor from;
        Set<UUID> partners;
        synchronized (this) {
            if (open.isEmpty()) {
                seen = null; // stale once nobody watches: the next stream starts from a fresh horizon
                return;
            }
            from = seen;
            partners = Set.copyOf(open.keySet());
        }
        InboxStreamReader.Read read;
        do {
            read = reader.after(partners, from, config.batchSize());
            polls.increment();
            synchronized (this) {
                if (!from.equals(seen)) {
                    return; // every stream closed and a new one started meanwhile: it set its own start
                }
                for (InboxItem item : read.items()) {
                    // a copy: a stream whose buffer overflows closes itself, on this thread, while it is handed an item
                    for (Subscriber subscriber : List.copyOf(open.getOrDefault(item.partnerId, List.of()))) {
                        if (subscriber.live) {
                            subscriber.send(item);
                        }
                    }
                }
                seen = read.end();
                from = seen;
            }
        } while (read.items().size() == config.batchSize());
    }

    /**
     * Brings streams that opened since the last poll up to {@link #seen}, with at most one read each, then makes them
     * live: the poll reads only from {@code seen} on, and only for the partners open when it started.
     */
    private void catchUpOpenedStreams() {
        List<Subscriber> behind;
        StreamCursor upTo;
        synchronized (this) {
            behind = open.values().stream().flatMap(List::stream).filter(subscriber -> !subscriber.live).toList();
            upTo = seen;
        }
        for (Subscriber subscriber : behind) {
            List<InboxItem> items = List.of();
            if (upTo.after(subscriber.last)) { // else nothing can lie between them: no read needed
                items = reader.between(subscriber.partner, subscriber.last, upTo, config.batchSize());
                catchUps.increment();
            }
            synchronized (this) {
                if (!upTo.equals(seen)) {
                    return;
                }
                items.forEach(subscriber::send);
                if (items.size() < config.batchSize()) {
                    subscriber.last = StreamCursor.later(subscriber.last, upTo);
                    subscriber.live = true;
                }
            }
        }
    }

    private synchronized void sendHeartbeats() {
        long now = System.nanoTime();
        for (Subscriber subscriber : open.values().stream().flatMap(List::stream).toList()) {
            if (now - subscriber.lastSentNanos >= config.heartbeat().toNanos()) {
                subscriber.emit(new InboxStreamEvent.Heartbeat(), now);
            }
        }
    }

    /** One open stream; its fields are guarded by the {@link InboxStreams} that holds it. */
    private static final class Subscriber {

        final UUID partner;
        final MultiEmitter<? super InboxStreamEvent> emitter;
        StreamCursor last;
        boolean live;
        long lastSentNanos;

        Subscriber(UUID partner, StreamCursor from, MultiEmitter<? super InboxStreamEvent> emitter, long openedNanos) {
            this.partner = partner;
            this.last = from;
            this.emitter = emitter;
            this.lastSentNanos = openedNanos;
        }

        /** Sends the item unless the client has it already (it resumed from a later cursor). */
        void send(InboxItem item) {
            StreamCursor cursor = InboxStreamReader.cursorOf(item);
            if (cursor.after(last)) {
                emit(new InboxStreamEvent.Item(cursor, item), System.nanoTime());
                last = cursor;
            }
        }

        void emit(InboxStreamEvent event, long nowNanos) {
            emitter.emit(event);
            lastSentNanos = nowNanos;
        }
    }
}
