package org.iprharbor.deal.domain;

import java.time.Instant;

/**
 * A proposal in the negotiation: the terms, who put them forward and when; versions count from 1.
 */
public record TermsVersion(int version, Party proposedBy, Instant proposedAt, Terms terms) {
}
