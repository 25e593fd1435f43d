package org.iprharbor.deal.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code /export-intent}: the operator records the commerce authority's answer to the exporter's
 * application for restricted technology: a letter of intent (negotiation may begin) or a refusal (the deal ends).
 */
public record ExportIntentRequest(@NotNull Decision decision,
        @Schema(description = "The letter of intent's reference; required with GRANT", example = "甘商技出意〔2026〕017号")
        @Size(max = 200) String reference,
        @Schema(description = "Why the authority refused; required with REFUSE") @Size(max = 2000) String reason) {

    /** The two answers to an application for a letter of intent. */
    public enum Decision {
        GRANT, REFUSE
    }

    AuthorityAnswer answer() {
        return AuthorityAnswer.of(decision, decision == Decision.GRANT, "reference", reference, reason);
    }
}
