package org.iprharbor.kit.events;

/**
 * The CloudEvents {@code sequence} extension's value for an aggregate's version. The extension orders events by
 * comparing values as strings, so the version is written with leading zeros to a fixed 20 digits (any non-negative
 * 64-bit number fits): {@code "00000000000000000009" < "00000000000000000010"}, as 9 &lt; 10, where the plain decimals
 * "9" and "10" would compare the other way. It orders the events of one subject ({@code ce_subject}), not of a whole
 * source: each aggregate counts its own versions (docs/events.md, "Ordering").
 */
public final class CloudEventSequence {

    /** Digits in every value. */
    public static final int WIDTH = 20;

    private CloudEventSequence() {
    }

    public static String format(long version) {
        if (version < 0) {
            throw new IllegalArgumentException("an aggregate version is never negative: " + version);
        }
        return String.format("%0" + WIDTH + "d", version);
    }

    /**
     * The version a value stands for. Unpadded decimals (records and stored events written before the padding)
     * read the same.
     */
    public static long parse(String value) {
        if (value.isEmpty() || value.length() > WIDTH || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a sequence: " + value);
        }
        return Long.parseLong(value);
    }
}
