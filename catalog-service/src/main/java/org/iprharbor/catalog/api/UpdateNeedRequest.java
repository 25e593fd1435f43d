package org.iprharbor.catalog.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.iprharbor.catalog.domain.DealType;
import org.iprharbor.kit.validation.CountryCode;
import org.iprharbor.kit.validation.LanguageTag;

/**
 * Body of {@code PATCH /needs/{id}}: only the fields given change (merge semantics).
 */
public record UpdateNeedRequest(
        @Size(min = 1) Map<@LanguageTag String, @NotBlank @Size(max = 500) String> titles,
        @Size(min = 1) Map<@LanguageTag String, @NotBlank @Size(max = 10_000) String> descriptions,
        @Size(max = 20) List<@NotBlank String> ipcClasses,
        @Size(min = 1, max = 11) Map<@LanguageTag String, @NotEmpty @Size(max = 20) List<@NotBlank @Size(min = 2, max = 100) String>> keywords,
        @Size(min = 1, max = 250) List<@NotNull @CountryCode String> territories,
        @Size(min = 1) List<@NotNull DealType> dealTypes,
        @Valid ListPatentRequest.Price budget,
        @Future Instant validUntil) {
}
