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
 * Body of {@code POST /needs}; the owner is the calling partner, never a field here. Keywords are what matching
 * looks for in patents' titles and abstracts, in every language they are given in.
 */
public record PostNeedRequest(
        @NotEmpty Map<@LanguageTag String, @NotBlank @Size(max = 500) String> titles,
        @NotEmpty Map<@LanguageTag String, @NotBlank @Size(max = 10_000) String> descriptions,
        @Size(max = 20) List<@NotBlank String> ipcClasses,
        @NotEmpty @Size(max = 11) Map<@LanguageTag String, @NotEmpty @Size(max = 20) List<@NotBlank @Size(min = 2, max = 100) String>> keywords,
        @NotEmpty @Size(max = 250) List<@NotNull @CountryCode String> territories,
        @NotEmpty List<@NotNull DealType> dealTypes,
        @Valid ListPatentRequest.Price budget,
        @NotNull @Future Instant validUntil) {
}
