package org.iprharbor.deal.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a deal stands, from the opening offer to completion or one of its dead ends (docs/deal-procedure.md has the
 * diagram): INTENT_REVIEW waits for the export authority's letter of intent on restricted technology, before any
 * negotiation; EXPORT_REVIEW waits for the export licence after signing; CLEARED means the contract is in effect.
 */
public enum DealState {
    OFFERED, COUNTERED, INTENT_REVIEW, AGREED, SIGNED, EXPORT_REVIEW, CLEARED, PAID, RECORDED, COMPLETED,
    REJECTED, WITHDRAWN, EXPIRED, CANCELLED;

    /** The parties are still bargaining: terms can be countered, accepted, rejected or withdrawn. */
    public static final Set<DealState> NEGOTIATING = EnumSet.of(OFFERED, COUNTERED);

    /** The offer stands unanswered (bargaining, or waiting for the letter of intent): either party may walk away. */
    public static final Set<DealState> OFFER_STANDING = EnumSet.of(OFFERED, COUNTERED, INTENT_REVIEW);

    /** The contract is in effect (export cleared, licensed or domestic) and the transfer is being carried out. */
    public static final Set<DealState> IN_EFFECT = EnumSet.of(CLEARED, PAID, RECORDED);

    /** The deal is over, one way or the other: nothing happens to it any more. */
    public static final Set<DealState> ENDED = EnumSet.of(COMPLETED, REJECTED, WITHDRAWN, EXPIRED, CANCELLED);

    /** Not ended: the deadline clock still runs. */
    public static final Set<DealState> LIVE = EnumSet.complementOf(EnumSet.copyOf(ENDED));

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
