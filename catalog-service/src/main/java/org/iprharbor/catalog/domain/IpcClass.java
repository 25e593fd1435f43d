package org.iprharbor.catalog.domain;

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

    /** The section letter A–H. */
    public char section() {
        return subclass.charAt(0);
    }

    @Override
    public String toString() {
        return subclass + " " + mainGroup + "/" + subgroup;
    }
}
