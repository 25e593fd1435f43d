package org.iprharbor.catalog.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.iprharbor.catalog.domain.DealType;
import org.iprharbor.catalog.domain.ExportClass;
import org.iprharbor.catalog.domain.LegalStatus;
import org.iprharbor.catalog.domain.Money;
import org.iprharbor.kit.validation.CountryCode;
import org.iprharbor.kit.validation.CurrencyCode;
import org.iprharbor.kit.validation.LanguageTag;

/**
 * Body of {@code POST /patents}; the owner is the calling partner, never a field here.
 */
public record ListPatentRequest(
        @NotBlank String publicationNumber,
        @NotEmpty Map<@LanguageTag String, @NotBlank @Size(max = 500) String> titles,
        Map<@LanguageTag String, @NotBlank @Size(max = 10_000) String> abstracts,
        @NotEmpty @Size(max = 20) List<@NotBlank String> ipcClasses,
        @Size(max = 50) List<@NotBlank String> cpcClasses,
        @NotNull @CountryCode String jurisdiction,
        @Size(max = 100) List<@NotNull @CountryCode String> familyCoverage,
        @NotNull @PastOrPresent LocalDate filingDate,
        @PastOrPresent LocalDate grantDate,
        LocalDate expiryDate,
        @NotNull LegalStatus legalStatus,
        @NotNull ExportClass exportClass,
        @NotEmpty List<@NotNull DealType> dealTypes,
        @Valid Price askingPrice,
        @Size(max = 250) List<@NotNull @CountryCode String> targetTerritories) {

    /** An asking price (or a need's budget): a positive amount in an ISO 4217 currency. */
    public record Price(
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 17, fraction = 2) BigDecimal amount,
            @NotNull @CurrencyCode String currency) {

        /** The price as money, or null for no price. */
        public static Money money(Price price) {
            return price == null ? null : new Money(price.amount(), price.currency());
        }
    }
}
