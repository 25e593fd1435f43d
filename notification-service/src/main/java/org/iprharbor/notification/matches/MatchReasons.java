package org.iprharbor.notification.matches;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.iprharbor.notification.localisation.Formats;
import org.iprharbor.notification.localisation.NotificationTexts;

/**
 * A match's reasons in the reader's language, written from each reason's kind and values (the catalog's English
 * {@code text} only for a kind these texts do not know yet): country codes become country names, deal types their
 * translated names, a language tag the language's name.
 */
final class MatchReasons {

    private static final String KEY = "match.reason.";

    private MatchReasons() {
    }

    static String render(List<MatchFound.Reason> reasons, String language, NotificationTexts texts) {
        String separator = texts.render("match.reasons.separator", language, Map.of());
        // a full-width separator (Chinese ；) carries its own space; the others are followed by one
        String joiner = separator.codePointAt(0) >= 0x3000 ? separator : separator + " ";
        return reasons.stream().map(reason -> one(reason, language, texts)).collect(Collectors.joining(joiner));
    }

    private static String one(MatchFound.Reason reason, String language, NotificationTexts texts) {
        String key = KEY + reason.kind();
        if (reason.kind() == null || !texts.hasKey(key)) {
            return reason.text() == null ? "" : reason.text();
        }
        Locale locale = Locale.forLanguageTag(language);
        List<String> values = reason.values() == null ? List.of() : reason.values();
        return texts.render(key, language, Map.of(
                // not "values": Qute reads that name as the data map's own values()
                "items", values(reason.kind(), values, language, locale, texts),
                "language", reason.language() == null ? "" : Locale.forLanguageTag(reason.language()).getDisplayLanguage(locale)));
    }

    private static String values(String kind, List<String> values, String language, Locale locale, NotificationTexts texts) {
        return switch (kind) {
            case "TERRITORY_COVERED", "TERRITORY_TARGETED" -> Formats.countries(values, locale);
            case "DEAL_TYPE" -> values.stream().map(type -> texts.hasKey("dealType." + type)
                    ? texts.render("dealType." + type, language, Map.of()) : type).collect(Collectors.joining(", "));
            default -> String.join(", ", values);
        };
    }
}
