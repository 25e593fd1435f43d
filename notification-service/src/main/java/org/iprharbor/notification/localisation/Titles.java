package org.iprharbor.notification.localisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which of a thing's titles (by language tag) a reader sees: the language we write to them in, then their other
 * languages, then English, then a fallback such as the publication number.
 */
public final class Titles {

    private Titles() {
    }

    /** The languages to look for, in order: the language we write in first, then the reader's other languages. */
    public static List<String> order(String language, List<String> preferred) {
        List<String> order = new ArrayList<>(List.of(language));
        preferred.stream().map(tag -> Locale.forLanguageTag(tag).getLanguage()).filter(tag -> !order.contains(tag))
                .forEach(order::add);
        return order;
    }

    /** The first title in one of {@code languages}, else the English one, else {@code fallback}. */
    public static String pick(Map<String, String> titles, List<String> languages, String fallback) {
        if (titles == null) {
            return fallback;
        }
        for (String language : languages) {
            String title = titles.get(language);
            if (title != null) {
                return title;
            }
        }
        return titles.getOrDefault("en", fallback);
    }
}
