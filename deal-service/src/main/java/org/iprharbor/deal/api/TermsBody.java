package org.iprharbor.deal.api;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.iprharbor.deal.domain.Price;
import org.iprharbor.deal.domain.Terms;
import org.iprharbor.kit.validation.CountryCode;
import org.iprharbor.kit.validation.CurrencyCode;

/**
 * Terms as a client proposes and reads them.
 *
 * @param termYears required for licences, optional for an assignment
 */
public record TermsBody(
        @NotNull @Valid PriceBody price,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal royaltyPercent,
        @NotEmpty @Size(max = 250) List<@NotNull @CountryCode String> territory,
        @Min(1) @Max(50) Integer termYears,
        @Size(max = 2000) String fieldOfUse) {

    /** A positive amount in an ISO 4217 currency. */
    public record PriceBody(
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 17, fraction = 2) BigDecimal amount,
            @NotNull @CurrencyCode String currency) {
    }

    public Terms toTerms() {
        return new Terms(new Price(price.amount(), price.currency()), royaltyPercent, territory, termYears, fieldOfUse);
    }

    public static TermsBody of(Terms terms) {
        return new TermsBody(new PriceBody(terms.price().amount(), terms.price().currency()), terms.royaltyPercent(),
                terms.territory(), terms.termYears(), terms.fieldOfUse());
    }
}
