package org.iprharbor.catalog.domain;

/** Whether a need is still looking for technology: OPEN until its owner or an operator closes it. */
public enum NeedStatus {
    OPEN, CLOSED
}
