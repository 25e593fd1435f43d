package org.iprharbor.deal.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code /export-decision}: the operator records the export licence the authority issued (the contract
 * takes effect) or its refusal (the deal ends).
 */
public record ExportDecisionRequest(@NotNull Decision decision,
        @Schema(description = "The export licence's number; required with CLEAR", example = "62-2026-XK-000318")
        @Size(max = 200) String licenceNumber,
        @Schema(description = "Why the authority refused; required with DENY") @Size(max = 2000) String reason) {

    /** The two outcomes of an export review. */
    public enum Decision {
        CLEAR, DENY
    }

    AuthorityAnswer answer() {
        return AuthorityAnswer.of(decision, decision == Decision.CLEAR, "licenceNumber", licenceNumber, reason);
    }
}
