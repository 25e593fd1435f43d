package org.iprharbor.catalog.domain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A patent publication number in DOCDB form: country, number, kind code ({@code CN-114123456-A}).
 * Accepts the common spellings ({@code CN114123456A}, {@code cn 114123456 a}, {@code CN-114,123,456-A}).
 */
public record PublicationNumber(String country, String number, String kind) {

    private static final Pattern LOOSE = Pattern.compile("([A-Z]{2})[\\s\\-]*([0-9][0-9,.\\s]*[0-9]|[0-9])[\\s\\-]*([A-Z][0-9]?)");

    public static PublicationNumber parse(String text) {
        String upper = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        Matcher matcher = LOOSE.matcher(upper);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a DOCDB publication number like CN-114123456-A");
        }
        String digits = matcher.group(2).replaceAll("[,.\\s]", "");
        if (digits.length() > 15) {
            throw new IllegalArgumentException("'" + text + "' has too long a publication number (at most 15 digits)");
        }
        return new PublicationNumber(matcher.group(1), digits, matcher.group(3));
    }

    @Override
    public String toString() {
        return country + "-" + number + "-" + kind;
    }
}
