package org.iprharbor.deal.domain;

/**
 * A domain event: what one step of a deal did, for the outbox and the audit trail.
 *
 * @param reason the parties' or operator's reason, or the service's explanation; may be null
 */
public record DealChange(DealEventKind kind, DealCommand command, DealState from, DealState to, String reason) {
}
