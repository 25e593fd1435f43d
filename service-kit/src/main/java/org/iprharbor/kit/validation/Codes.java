package org.iprharbor.kit.validation;

import java.time.ZoneId;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Validators of the standard codes the platform exchanges, checked against the JDK's own tables.
 */
final class Codes {

    private static final Set<String> COUNTRIES = Stream.concat(Stream.of(Locale.getISOCountries()),
            Stream.of("EP", "EA", "WO")).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private Codes() {
    }

    public static class CountryCodeValidator implements ConstraintValidator<CountryCode, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || COUNTRIES.contains(value);
        }
    }

    public static class CurrencyCodeValidator implements ConstraintValidator<CurrencyCode, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || CURRENCIES.contains(value);
        }
    }

    public static class TimeZoneIdValidator implements ConstraintValidator<TimeZoneId, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || ZoneId.getAvailableZoneIds().contains(value);
        }
    }

    public static class LanguageTagValidator implements ConstraintValidator<LanguageTag, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                return !new Locale.Builder().setLanguageTag(value).build().getLanguage().isEmpty();
            } catch (IllformedLocaleException e) {
                return false;
            }
        }
    }
}
