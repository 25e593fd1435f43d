package org.iprharbor.notification.inbox;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.iprharbor.notification.domain.InboxItem;

import io.quarkus.panache.common.Page;

/**
 * Reads inbox items in stream order, only as far as the stream is final: items of transactions older than the oldest
 * one still running (its snapshot's xmin) have all committed or never will, so nothing can appear behind a cursor
 * once the stream has passed it.
 */
@ApplicationScoped
class InboxStreamReader {

    private static final String ORDER = " order by streamTx, streamPosition";

    private final EntityManager entityManager;

    InboxStreamReader(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Where the final part of the stream ends now. */
    @Transactional
    StreamCursor horizon() {
        return StreamCursor.before(horizonTx());
    }

    /**
     * The items of these partners after {@code after}, as far as the stream is final, oldest first, at most
     * {@code limit}; {@code end} is how far the page covers them all.
     */
    @Transactional
    Read after(Collection<UUID> partners, StreamCursor after, int limit) {
        long horizon = horizonTx(); // first: every item below it has committed by the time the next statement reads
        List<InboxItem> items = InboxItem.<InboxItem>find("partnerId in ?1 and (streamTx, streamPosition) > (?2, ?3) "
                + "and streamTx < ?4" + ORDER, partners, after.tx(), after.position(), horizon)
                .page(Page.ofSize(limit)).list();
        StreamCursor end = items.size() == limit ? cursorOf(items.get(items.size() - 1))
                : StreamCursor.later(after, StreamCursor.before(horizon));
        return new Read(items, end);
    }

    /** One partner's items after {@code after} up to and including {@code upTo} (final already), oldest first. */
    @Transactional
    List<InboxItem> between(UUID partner, StreamCursor after, StreamCursor upTo, int limit) {
        return InboxItem.<InboxItem>find("partnerId = ?1 and (streamTx, streamPosition) > (?2, ?3) "
                + "and (streamTx, streamPosition) <= (?4, ?5)" + ORDER, partner, after.tx(), after.position(), upTo.tx(),
                upTo.position()).page(Page.ofSize(limit)).list();
    }

    static StreamCursor cursorOf(InboxItem item) {
        return new StreamCursor(item.streamTx, item.streamPosition);
    }

    private long horizonTx() {
        return ((Number) entityManager.createNativeQuery("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
                .getSingleResult()).longValue();
    }

    /** Items read, and the cursor up to which the partners' items have all been read. */
    record Read(List<InboxItem> items, StreamCursor end) {
    }
}
