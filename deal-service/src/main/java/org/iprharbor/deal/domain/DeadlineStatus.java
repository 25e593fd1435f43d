package org.iprharbor.deal.domain;

/**
 * Where a deadline stands: running, passed with its task undone, or closed (in time, late, or because the deal ended).
 */
public enum DeadlineStatus {
    OPEN, OVERDUE, MET, MET_LATE, CANCELLED
}
