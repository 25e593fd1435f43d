package org.iprharbor.deal.api;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.iprharbor.deal.domain.DealType;

/**
 * Body of {@code POST /deals}: the buyer is the calling partner and the seller the patent's owner, never fields here.
 *
 * @param matchId left out of the idempotency fingerprint's JSON when absent, so an offer without it hashes as it did
 *        before the field existed and a retry across the upgrade is still recognised
 */
public record OfferRequest(
        @NotNull UUID patentId,
        @NotNull DealType dealType,
        @NotNull @Valid TermsBody terms,
        @NotNull @Future Instant validUntil,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = MATCH_ID_ON_OFFER, nullable = true) UUID matchId) {

    static final String MATCH_ID_ON_OFFER = "Optional. The match this offer comes from: the matchId of a match the "
            + "catalog found between your need and this patent (GET /needs/{id}/matches, or the match-found event). The "
            + "deal records it, shows it and carries it on every deal event, so matches can be followed through to "
            + "offers and completed deals. Only the need's owner can offer from a match, and only for the match's "
            + "patent; otherwise 422 with matchId in errors. A match announced a moment ago may not have reached "
            + "deal-service yet (422, unknown match): retry shortly. Leave it out for an offer not made from a match.";
}
