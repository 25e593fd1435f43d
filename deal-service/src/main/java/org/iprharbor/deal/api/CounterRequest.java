package org.iprharbor.deal.api;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code POST /deals/{id}/counter}: new terms, and optionally a new deadline for the other party's answer.
 */
public record CounterRequest(@NotNull @Valid TermsBody terms, @Future Instant validUntil) {
}
