package org.iprharbor.notification.localisation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import org.iprharbor.notification.ops.deadlines.DealDeadlines;
import org.iprharbor.notification.routing.DealNotifications.DealSnapshot.Deadline;
import org.iprharbor.notification.routing.DeadlineFacts;
import org.iprharbor.notification.routing.MessageParameters;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text renders in every language, with every parameter used, nothing left unresolved, and dates,
 * amounts and countries written for the reader.
 */
@QuarkusTest
class NotificationTextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-zA-Z]+}");

    /** What a match notice's texts are given besides the reader's name (see matches/MatchMessage). */
    private static final Map<String, Object> MATCH_PARAMETERS = Map.of("need", "Катодный материал", "score", 90,
            "reasons", "H01M 4", "count", 3, "matches", "• …", "reference", "1c7e3a54-6f81-4da2-8e5a-7b9c1d3e4f65",
            "items", "KZ", "language", "English");

    @Inject
    NotificationTexts texts;

    @Test
    void shouldRenderEveryTextInEveryLanguageWithoutMissingKeysOrPlaceholders() {
        MessageParameters facts = new MessageParameters(null, "CN-114123456-B", "Satbayev University",
                List.of("EXCLUSIVE_LICENCE"), new BigDecimal("250000.00"), "CNY", List.of("KZ", "UZ"),
                Instant.parse("2026-12-31T09:00:00Z"), 2, "budget withdrawn", "5f1c0d1e-0000-4000-8000-000000000001");
        DeadlineFacts deadline = new DeadlineFacts(facts, new Deadline("CNIPA_RECORDAL",
                Instant.parse("2027-03-07T16:00:00Z"), "SELLER", false, "OPEN"));
        for (String language : NotificationTexts.LANGUAGES) {
            Map<String, Object> parameters = deadline.forReader("Lanzhou University", language, List.of(language),
                    ZoneId.of("Asia/Almaty"), texts);
            parameters.putAll(MATCH_PARAMETERS);
            parameters.put("date", "20 Jan 2027");
            assertThat(texts.languageFor(List.of(language))).as("a bundle for " + language).isEqualTo(language);
            for (String key : texts.keys()) {
                String rendered = texts.render(key, language, parameters);
                assertThat(rendered).as(language + " " + key).isNotBlank();
                assertThat(PLACEHOLDER.matcher(rendered).find()).as(language + " " + key + ": " + rendered).isFalse();
            }
        }
    }

    @Test
    void shouldUseTheSamePlaceholdersInEveryTranslation() {
        for (String key : texts.keys()) {
            Set<String> english = placeholders(texts.raw(key, "en"));
            for (String language : NotificationTexts.LANGUAGES) {
                assertThat(placeholders(texts.raw(key, language))).as(language + " " + key).isEqualTo(english);
            }
        }
    }

    @Test
    void shouldNameEveryDeadlineKindAndItsTaskInEveryLanguage() {
        for (String language : NotificationTexts.LANGUAGES) {
            for (String kind : DealDeadlines.KINDS) {
                assertThat(texts.raw("deadline.kind." + kind, language)).as(language + " " + kind).isNotBlank();
                assertThat(texts.raw("deadline.task." + kind, language)).as(language + " " + kind).isNotBlank();
                if (!"en".equals(language)) {
                    assertThat(texts.raw("deadline.kind." + kind, language)).as("translated: " + language + " " + kind)
                            .isNotEqualTo(texts.raw("deadline.kind." + kind, "en"));
                }
            }
        }
    }

    @Test
    void shouldFallBackAlongTheReadersLanguagesThenToEnglish() {
        assertThat(texts.languageFor(List.of("kk-Cyrl-KZ", "ru"))).isEqualTo("kk");
        assertThat(texts.languageFor(List.of("de", "ru"))).isEqualTo("ru");
        assertThat(texts.languageFor(List.of("de", "fr"))).isEqualTo("en");
    }

    @Test
    void shouldWriteAmountsDatesAndCountriesForTheReader() {
        assertThat(Formats.price(new BigDecimal("250000.00"), "CNY", java.util.Locale.forLanguageTag("zh"))).isEqualTo("¥250,000.00");
        assertThat(Formats.price(new BigDecimal("250000.00"), "CNY", java.util.Locale.forLanguageTag("ru"))).contains("250\u00a0000,00");
        assertThat(Formats.countries(List.of("KZ", "UZ"), java.util.Locale.forLanguageTag("ru"))).isEqualTo("Казахстан, Узбекистан");
        assertThat(Formats.dateTime(Instant.parse("2026-12-31T09:00:00Z"), ZoneId.of("Asia/Shanghai"), java.util.Locale.forLanguageTag("zh")))
                .contains("2026年12月31日");
    }

    @Test
    void shouldWriteADeadlineFallingOnMidnightAsTheEndOfTheDayBeforeInEveryLanguage() {
        // the end of 20 January 2027 in Beijing: 2027-01-21T00:00 there
        Instant endOf20January = Instant.parse("2027-01-20T16:00:00Z");
        DeadlineFacts facts = new DeadlineFacts(new MessageParameters(null, "CN-114123456-B", "Satbayev University",
                List.of("NON_EXCLUSIVE_LICENCE"), null, null, List.of(), endOf20January, 1, null, null),
                new Deadline("EXPORT_LICENCE", endOf20January, "SELLER", false, "OPEN"));
        for (String language : NotificationTexts.LANGUAGES) {
            Locale locale = Locale.forLanguageTag(language);
            Map<String, Object> beijing = facts.forReader("Lanzhou University", language, List.of(language),
                    ZoneId.of("Asia/Shanghai"), texts);
            String the20th = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                    .format(LocalDate.of(2027, 1, 20));
            String the21st = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                    .format(LocalDate.of(2027, 1, 21));
            assertThat(beijing.get("dueAt")).as(language).asString().contains(the20th).doesNotContain(the21st)
                    .isEqualTo(texts.render("deadline.endOfDay", language, Map.of("date", the20th)));
            assertThat(beijing.get("validUntil")).as(language).isEqualTo(beijing.get("dueAt"));
            // in Almaty the same moment is 21:00 on the 20th: an ordinary time
            Map<String, Object> almaty = facts.forReader("Satbayev University", language, List.of(language),
                    ZoneId.of("Asia/Almaty"), texts);
            assertThat(almaty.get("dueAt")).as(language)
                    .isEqualTo(Formats.dateTime(endOf20January, ZoneId.of("Asia/Almaty"), locale));
        }
        Map<String, Object> chinese = facts.forReader("Lanzhou University", "zh", List.of("zh"), ZoneId.of("Asia/Shanghai"), texts);
        assertThat(chinese.get("dueAt")).isEqualTo("2027年1月20日 24:00");
        Map<String, Object> english = facts.forReader("Lanzhou University", "en", List.of("en"), ZoneId.of("Asia/Shanghai"), texts);
        assertThat(english.get("dueAt")).isEqualTo("Jan 20, 2027, end of day");
    }

    private static Set<String> placeholders(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        return matcher.results().map(result -> result.group()).collect(Collectors.toSet());
    }
}
