package org.iprharbor.deal.domain;

/**
 * What the buyer acquires: the patent itself or a licence under it.
 */
public enum DealType {
    ASSIGNMENT, EXCLUSIVE_LICENCE, NON_EXCLUSIVE_LICENCE;

    /** Only one exclusive deal per patent may be agreed at a time; non-exclusive licences do not compete. */
    public boolean isExclusive() {
        return this != NON_EXCLUSIVE_LICENCE;
    }

    /** Licences run for a term; an assignment transfers the patent for good. */
    public boolean isLicence() {
        return this != ASSIGNMENT;
    }
}
