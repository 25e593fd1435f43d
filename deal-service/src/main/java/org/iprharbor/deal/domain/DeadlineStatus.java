package org.iprharbor.deal.domain;

/**
 * Where a deadline stands: running, passed with its task undone, stopped while the deal waits on an authority (it
 * resumes, moved on, when the wait ends), or closed (in time, late, or because the deal ended first).
 */
public enum DeadlineStatus {
    OPEN, OVERDUE, SUSPENDED, MET, MET_LATE, CANCELLED
}
