package org.iprharbor.notification.localisation;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Amounts, dates and countries written the way a reader of a given language expects them.
 */
public final class Formats {

    private Formats() {
    }

    public static String price(BigDecimal amount, String currency, Locale locale) {
        if (amount == null || currency == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        Currency code = Currency.getInstance(currency);
        format.setCurrency(code);
        format.setMaximumFractionDigits(Math.max(code.getDefaultFractionDigits(), 0));
        return format.format(amount);
    }

    /** A date and time in the reader's time zone, e.g. {@code 2026年12月31日 17:00} for zh in Asia/Shanghai. */
    public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(zone).format(instant);
    }

    /** Country names in the reader's language: {@code KZ, UZ} becomes {@code Казахстан, Узбекистан} in Russian. */
    public static String countries(List<String> codes, Locale locale) {
        return codes == null ? "" : codes.stream()
                .map(code -> new Locale("", code).getDisplayCountry(locale))
                .collect(Collectors.joining(", "));
    }
}
