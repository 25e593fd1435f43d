package org.iprharbor.catalog.domain;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An International Patent Classification symbol at group level, normalised to {@code H01M 10/0525}.
 */
public record IpcClass(String subclass, String mainGroup, String subgroup) {

    private static final Pattern LOOSE = Pattern.compile("([A-H][0-9]{2}[A-Z])\\s*0*([0-9]{1,4})\\s*/\\s*([0-9]{2,6})");

    public static IpcClass parse(String text) {
        Matcher matcher = LOOSE.matcher(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an IPC symbol like H01M 10/0525");
        }
        return new IpcClass(matcher.group(1), matcher.group(2), matcher.group(3));
    }

    private static final Pattern PREFIX = Pattern.compile("([A-H])(?:([0-9]{2})(?:([A-Z])(?:\\s*0*([0-9]{1,4})(?:\\s*/\\s*([0-9]{2,6}))?)?)?)?");

    /**
     * Normalises a search prefix at one of the scheme's levels: section {@code H}, class {@code H01},
     * subclass {@code H01M}, main group {@code H01M 10} or full symbol {@code H01M 10/0525}.
     */
    public static String normalisePrefix(String text) {
        Matcher matcher = PREFIX.matcher(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an IPC prefix like H, H01, H01M, H01M 10 or H01M 10/0525");
        }
        StringBuilder prefix = new StringBuilder(matcher.group(1));
        if (matcher.group(2) != null) {
            prefix.append(matcher.group(2));
        }
        if (matcher.group(3) != null) {
            prefix.append(matcher.group(3));
        }
        if (matcher.group(4) != null) {
            prefix.append(' ').append(matcher.group(4));
        }
        if (matcher.group(5) != null) {
            prefix.append('/').append(matcher.group(5));
        }
        return prefix.toString();
    }

    /**
     * A prefix at subclass level or below ({@code H01M}, {@code H01M 10} or {@code H01M 10/0525}), normalised: what a
     * need may name, since a section or class alone says too little to match on.
     */
    public static String normaliseSubclassOrBelow(String text) {
        String prefix = normalisePrefix(text);
        if (prefix.length() < 4) {
            throw new IllegalArgumentException("'" + text + "' is a section or class; name a subclass like H01M or below");
        }
        return prefix;
    }

    /** Every level of a normalised prefix from its section down to itself: H01M 10 → H, H01, H01M, H01M 10. */
    public static List<String> levelsOf(String prefix) {
        List<String> levels = new java.util.ArrayList<>(List.of(prefix.substring(0, 1)));
        if (prefix.length() >= 3) {
            levels.add(prefix.substring(0, 3));
        }
        if (prefix.length() >= 4) {
            levels.add(prefix.substring(0, 4));
        }
        int slash = prefix.indexOf('/');
        if (prefix.length() > 4) {
            levels.add(slash < 0 ? prefix : prefix.substring(0, slash));
        }
        if (slash >= 0) {
            levels.add(prefix);
        }
        return List.copyOf(levels);
    }

    /** Every prefix a search may use to find this symbol, from section to the full symbol. */
    public List<String> prefixes() {
        return List.of(subclass.substring(0, 1), subclass.substring(0, 3), subclass, subclass + " " + mainGroup, toString());
    }

    /** The section letter A–H. */
    public char section() {
        return subclass.charAt(0);
    }

    @Override
    public String toString() {
        return subclass + " " + mainGroup + "/" + subgroup;
    }
}
