package org.iprharbor.deal.domain;

/**
 * In what capacity someone acts on a deal.
 */
public enum ActorRole {
    BUYER, SELLER, OPERATOR, SYSTEM;

    /** The party this role acts for, or null for operators and the system. */
    public Party party() {
        return switch (this) {
            case BUYER -> Party.BUYER;
            case SELLER -> Party.SELLER;
            default -> null;
        };
    }
}
