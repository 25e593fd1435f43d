package org.iprharbor.notification.inbox;

import org.iprharbor.notification.domain.InboxItem;

/**
 * What an inbox stream sends: a new item at its cursor, or a heartbeat that keeps an idle connection open through
 * proxies.
 */
public sealed interface InboxStreamEvent {

    /** A new inbox item; {@code cursor} is its Server-Sent Event id. */
    record Item(StreamCursor cursor, InboxItem item) implements InboxStreamEvent {
    }

    /** Nothing new for a while. */
    record Heartbeat() implements InboxStreamEvent {
    }
}
