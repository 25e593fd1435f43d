package org.iprharbor.deal.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code /export-decision}: the operator clears or denies a restricted export; a denial needs a reason.
 */
public record ExportDecisionRequest(@NotNull Decision decision, @Size(max = 2000) String reason) {

    /** The two outcomes of an export review. */
    public enum Decision {
        CLEAR, DENY
    }
}
