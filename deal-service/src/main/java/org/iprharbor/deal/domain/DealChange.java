package org.iprharbor.deal.domain;

/**
 * A domain event: what one step of a deal did, for the outbox and the audit trail.
 *
 * @param reason the parties' or operator's reason, or the service's explanation; may be null
 * @param deadline the deadline a step of the deadline clock is about; null for every other step
 */
public record DealChange(DealEventKind kind, DealCommand command, DealState from, DealState to, String reason,
        DeadlineKind deadline) {
}
