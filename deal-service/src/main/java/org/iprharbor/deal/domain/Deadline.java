package org.iprharbor.deal.domain;

import java.time.Instant;

/**
 * One deadline of a deal, open or closed: what is due, by when, who must act, and how it ended.
 *
 * @param responsible the party who must act (the exporter, i.e. the seller, for the authorities' steps), or null
 *        when the platform's operators record the outcome
 * @param estimated counted across days the working-day calendar holds no official notice for
 * @param reminders how many reminders went out for it so far
 */
public record Deadline(DeadlineKind kind, Instant dueAt, Party responsible, boolean estimated, DeadlineStatus status,
        int reminders, Instant openedAt, Instant closedAt) {

    /** A deadline the deal's state has just called for. */
    static Deadline opened(DeadlinePolicy.Due due, Instant now) {
        return new Deadline(due.kind(), due.dueAt(), due.responsible(), due.estimated(), DeadlineStatus.OPEN, 0, now, null);
    }

    /** Its task is still owed: open, or overdue. */
    public boolean pending() {
        return status == DeadlineStatus.OPEN || status == DeadlineStatus.OVERDUE;
    }

    /** What the deadline asks for, to compare with what the deal's state calls for now. */
    DeadlinePolicy.Due asDue() {
        return new DeadlinePolicy.Due(kind, dueAt, responsible, estimated);
    }

    /** The same deadline, due at another time or owed by another party (a counter moves the offer's validity). */
    Deadline movedTo(Instant due, Party party, boolean estimate) {
        return new Deadline(kind, due, party, estimate, status, reminders, openedAt, closedAt);
    }

    Deadline closed(boolean dealEnded, Instant now) {
        DeadlineStatus outcome = dealEnded ? DeadlineStatus.CANCELLED
                : status == DeadlineStatus.OVERDUE ? DeadlineStatus.MET_LATE : DeadlineStatus.MET;
        return new Deadline(kind, dueAt, responsible, estimated, outcome, reminders, openedAt, now);
    }

    Deadline overdue() {
        return new Deadline(kind, dueAt, responsible, estimated, DeadlineStatus.OVERDUE, reminders, openedAt, closedAt);
    }

    Deadline reminded() {
        return new Deadline(kind, dueAt, responsible, estimated, status, reminders + 1, openedAt, closedAt);
    }
}
