package org.iprharbor.deal.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a deal stands, from the opening offer to completion or one of its dead ends.
 */
public enum DealState {
    OFFERED, COUNTERED, AGREED, SIGNED, EXPORT_REVIEW, CLEARED, PAID, RECORDED, COMPLETED,
    REJECTED, WITHDRAWN, EXPIRED, CANCELLED;

    /** The parties are still bargaining: terms can be countered, accepted, rejected or withdrawn. */
    public static final Set<DealState> NEGOTIATING = EnumSet.of(OFFERED, COUNTERED);

    /**
     * Terms are agreed and the transfer is under way: an exclusive deal in one of these holds the patent
     * (the database's partial unique index lists the same states).
     */
    public static final Set<DealState> HOLDING_PATENT = EnumSet.of(AGREED, SIGNED, EXPORT_REVIEW, CLEARED, PAID, RECORDED);

    /** Either party may still call the deal off (before payment). */
    public static final Set<DealState> CANCELLABLE = EnumSet.of(AGREED, SIGNED, EXPORT_REVIEW, CLEARED);

    public boolean isNegotiating() {
        return NEGOTIATING.contains(this);
    }
}
