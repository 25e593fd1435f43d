package org.iprharbor.deal.domain;

import java.time.Instant;

/**
 * One deadline of a deal, open or closed: what is due, by when, who must act, and how it ended.
 *
 * @param responsible the party who must act (the exporter, i.e. the seller, for the authorities' steps), or null
 *        when the platform's operators record the outcome
 * @param estimated counted across days the working-day calendar holds no official notice for
 * @param reminders how many reminders went out for it so far
 * @param closedAt when it closed, or was suspended; null while it runs
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

    /** Not over yet: owed, or suspended until the deal's state calls for it again. */
    boolean live() {
        return pending() || status == DeadlineStatus.SUSPENDED;
    }

    /** What the deadline asks for, to compare with what the deal's state calls for now. */
    DeadlinePolicy.Due asDue() {
        return new DeadlinePolicy.Due(kind, dueAt, responsible, estimated);
    }

    /**
     * This live deadline as the deal's state now calls for it: {@code due} (null when it calls for none of this kind)
     * keeps, moves or resumes it; otherwise it is cancelled if the deal ended, suspended if the state pauses it
     * ({@code paused}), met (in time or late) if it was owed; a suspended one not called for stays suspended.
     */
    Deadline toward(DeadlinePolicy.Due due, boolean dealEnded, boolean paused, Instant now) {
        if (due != null) {
            return pending() && due.equals(asDue()) ? this
                    : new Deadline(kind, due.dueAt(), due.responsible(), due.estimated(),
                            pending() ? status : DeadlineStatus.OPEN, reminders, openedAt, null);
        }
        if (dealEnded) {
            return closedAs(DeadlineStatus.CANCELLED, now);
        }
        if (!pending()) {
            return this;
        }
        return paused ? closedAs(DeadlineStatus.SUSPENDED, now)
                : closedAs(status == DeadlineStatus.OVERDUE ? DeadlineStatus.MET_LATE : DeadlineStatus.MET, now);
    }

    private Deadline closedAs(DeadlineStatus outcome, Instant now) {
        return new Deadline(kind, dueAt, responsible, estimated, outcome, reminders, openedAt, now);
    }

    Deadline overdue() {
        return new Deadline(kind, dueAt, responsible, estimated, DeadlineStatus.OVERDUE, reminders, openedAt, closedAt);
    }

    Deadline reminded() {
        return new Deadline(kind, dueAt, responsible, estimated, status, reminders + 1, openedAt, closedAt);
    }
}
