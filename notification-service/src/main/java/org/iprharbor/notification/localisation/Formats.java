package org.iprharbor.notification.localisation;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
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

    /**
     * A deadline in the reader's time zone. One that falls on midnight there is the end of the day before, written by
     * {@code endOfDay} from that day's date (e.g. {@code 2027年1月20日 24:00}): "00:00 on the 21st" reads as the 21st,
     * yet the time allowed ended with the 20th. Any other moment is written as {@link #dateTime}.
     */
    public static String deadline(Instant instant, ZoneId zone, Locale locale, UnaryOperator<String> endOfDay) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime local = instant.atZone(zone);
        if (!local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return dateTime(instant, zone, locale);
        }
        return endOfDay.apply(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .format(local.toLocalDate().minusDays(1)));
    }

    /** Country names in the reader's language: {@code KZ, UZ} becomes {@code Казахстан, Узбекистан} in Russian. */
    public static String countries(List<String> codes, Locale locale) {
        return codes == null ? "" : codes.stream()
                .map(code -> new Locale("", code).getDisplayCountry(locale))
                .collect(Collectors.joining(", "));
    }
}
