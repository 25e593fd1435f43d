package org.iprharbor.deal.domain;

/**
 * The two sides of a deal.
 */
public enum Party {
    BUYER, SELLER;

    public Party other() {
        return this == BUYER ? SELLER : BUYER;
    }
}
