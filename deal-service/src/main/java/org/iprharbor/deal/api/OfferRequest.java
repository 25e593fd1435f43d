package org.iprharbor.deal.api;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;

import org.iprharbor.deal.domain.DealType;

/**
 * Body of {@code POST /deals}: the buyer is the calling partner and the seller the patent's owner, never fields here.
 */
public record OfferRequest(
        @NotNull UUID patentId,
        @NotNull DealType dealType,
        @NotNull @Valid TermsBody terms,
        @NotNull @Future Instant validUntil) {
}
