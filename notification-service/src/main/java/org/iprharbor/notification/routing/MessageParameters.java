package org.iprharbor.notification.routing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.iprharbor.notification.domain.PatentInfo;
import org.iprharbor.notification.localisation.Formats;
import org.iprharbor.notification.localisation.NotificationTexts;
import org.iprharbor.notification.localisation.Titles;

/**
 * The facts a notification tells, turned into the template parameters for one reader's language and time zone.
 */
public record MessageParameters(PatentInfo patent, String publicationNumber, String counterparty, List<String> dealTypes,
        BigDecimal amount, String currency, List<String> territory, Instant validUntil, Integer termsVersion,
        String reason, String dealId) implements MessageFacts {

    @Override
    public Map<String, Object> forReader(String name, String language, List<String> preferredLanguages, ZoneId zone,
            NotificationTexts texts) {
        Locale locale = Locale.forLanguageTag(language);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("name", name);
        parameters.put("patent", patent != null ? patent.titleFor(Titles.order(language, preferredLanguages)) : publicationNumber);
        parameters.put("publication", patent != null ? patent.publicationNumber : publicationNumber);
        parameters.put("counterparty", counterparty == null ? "" : counterparty);
        parameters.put("dealType", String.join(", ", dealTypes.stream()
                .map(type -> texts.render("dealType." + type, language, Map.of())).toList()));
        parameters.put("price", Formats.price(amount, currency, locale));
        parameters.put("territory", Formats.countries(territory, locale));
        parameters.put("validUntil", Formats.deadline(validUntil, zone, locale, endOfDay(language, texts)));
        parameters.put("termsVersion", termsVersion == null ? "" : termsVersion);
        parameters.put("reason", reason == null ? "" : reason);
        parameters.put("dealId", dealId == null ? "" : dealId);
        return parameters;
    }

    /** The reader's words for the end of a day, given its date ({@code deadline.endOfDay}). */
    static UnaryOperator<String> endOfDay(String language, NotificationTexts texts) {
        return date -> texts.render("deadline.endOfDay", language, Map.of("date", date));
    }
}
