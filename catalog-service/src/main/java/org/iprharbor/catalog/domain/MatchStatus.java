package org.iprharbor.catalog.domain;

/**
 * Where a match between a need and a patent stands: ACTIVE while the pair matches, LAPSED when a change made it
 * stop matching (it comes back ACTIVE, unannounced, if a later change matches it again), DISMISSED by a party for good.
 */
public enum MatchStatus {
    ACTIVE, LAPSED, DISMISSED
}
