package org.iprharbor.deal.domain;

/**
 * The periods a deal runs against (docs/deal-procedure.md names each one's legal source).
 */
public enum DeadlineKind {
    /** The open offer's validUntil: the party whose turn it is answers. Lapsing is the expiry, not a missed deadline. */
    OFFER_VALIDITY(false),
    /** The commerce authority decides on the letter of intent within 30 working days of the application. */
    INTENT_REVIEW(true),
    /** The authority decides on the export licence within 15 working days of the application after signing. */
    EXPORT_LICENCE(true),
    /** A freely exportable technology's contract is registered within 60 days of taking effect. */
    CONTRACT_REGISTRATION(true),
    /** A patent licence contract is recorded with CNIPA within 3 months of taking effect. */
    CNIPA_RECORDAL(true);

    private final boolean canBeMissed;

    DeadlineKind(boolean canBeMissed) {
        this.canBeMissed = canBeMissed;
    }

    /**
     * Whether it stops running, rather than closing, while the deal is in {@code state}: an offer's validity does not
     * run while the authority reviews the letter of intent, and moves on by the review's length once it is granted.
     */
    public boolean pausesIn(DealState state) {
        return this == OFFER_VALIDITY && state == DealState.INTENT_REVIEW;
    }

    /** Whether passing it is an event of its own (deadline-missed); an offer's lapse is its expiry instead. */
    public boolean canBeMissed() {
        return canBeMissed;
    }
}
