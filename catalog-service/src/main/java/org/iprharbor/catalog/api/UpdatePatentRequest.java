package org.iprharbor.catalog.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.iprharbor.catalog.domain.DealType;
import org.iprharbor.catalog.domain.ExportClass;
import org.iprharbor.catalog.domain.LegalStatus;
import org.iprharbor.kit.validation.CountryCode;
import org.iprharbor.kit.validation.LanguageTag;

/**
 * Body of {@code PATCH /patents/{id}}: only the fields given change. The publication number, jurisdiction
 * and filing date identify the patent and cannot change.
 */
public record UpdatePatentRequest(
        @Size(min = 1) Map<@LanguageTag String, @NotBlank @Size(max = 500) String> titles,
        Map<@LanguageTag String, @NotBlank @Size(max = 10_000) String> abstracts,
        @Size(min = 1, max = 20) List<@NotBlank String> ipcClasses,
        @Size(max = 50) List<@NotBlank String> cpcClasses,
        @Size(max = 100) List<@NotNull @CountryCode String> familyCoverage,
        @PastOrPresent LocalDate grantDate,
        LocalDate expiryDate,
        LegalStatus legalStatus,
        ExportClass exportClass,
        @Size(min = 1) List<@NotNull DealType> dealTypes,
        @Valid ListPatentRequest.Price askingPrice,
        @Size(max = 250) List<@NotNull @CountryCode String> targetTerritories) {
}
