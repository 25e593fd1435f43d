package org.iprharbor.catalog.api;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.iprharbor.catalog.domain.PartnerKind;
import org.iprharbor.kit.validation.CountryCode;
import org.iprharbor.kit.validation.LanguageTag;
import org.iprharbor.kit.validation.TimeZoneId;

/**
 * Body of {@code POST /partners}.
 */
public record RegisterPartnerRequest(
        @NotBlank @Size(max = 300) String legalName,
        Map<@LanguageTag String, @NotBlank @Size(max = 300) String> localNames,
        @NotNull PartnerKind kind,
        @NotNull @CountryCode String country,
        @NotEmpty @Size(max = 10) List<@NotNull @LanguageTag String> languages,
        @NotNull @TimeZoneId String timeZone,
        @NotNull @Email @Size(max = 254) String contactEmail) {
}
