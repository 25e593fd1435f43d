package org.iprharbor.notification.inbox;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in a partner's inbox stream: the id of the transaction that wrote an item, then the item's number
 * within it. Written {@code <tx>-<position>} as the Server-Sent Event's {@code id:}, and read back from
 * {@code Last-Event-ID}; clients treat it as opaque.
 */
public record StreamCursor(long tx, long position) implements Comparable<StreamCursor> {

    private static final Pattern FORM = Pattern.compile("([0-9]{1,18})-([0-9]{1,18})");
    private static final Comparator<StreamCursor> ORDER = Comparator.comparingLong(StreamCursor::tx)
            .thenComparingLong(StreamCursor::position);

    /** Before every item of transaction {@code tx} and after every item of older ones (positions start at 1). */
    static StreamCursor before(long tx) {
        return new StreamCursor(tx, 0);
    }

    /**
     * The cursor a client sent back.
     *
     * @throws IllegalArgumentException when it is not one this stream writes
     */
    public static StreamCursor parse(String id) {
        Matcher matcher = FORM.matcher(id.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a stream cursor: " + id);
        }
        return new StreamCursor(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
    }

    @Override
    public int compareTo(StreamCursor other) {
        return ORDER.compare(this, other);
    }

    boolean after(StreamCursor other) {
        return compareTo(other) > 0;
    }

    static StreamCursor later(StreamCursor a, StreamCursor b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public String toString() {
        return tx + "-" + position;
    }
}
