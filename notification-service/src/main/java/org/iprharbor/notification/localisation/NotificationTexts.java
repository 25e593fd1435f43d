package org.iprharbor.notification.localisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

/**
 * The platform's notification texts in every supported language ({@code messages/notifications_<lang>.properties},
 * each value a Qute template), with fallback along the reader's language list and then to English.
 */
@ApplicationScoped
public class NotificationTexts {

    public static final List<String> LANGUAGES = List.of("en", "zh", "ru", "ar", "kk", "uz", "ur", "fa", "tr", "id", "vi");
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "ur");
    private static final String FALLBACK = "en";

    private final Engine engine;
    private final Map<String, Properties> bundles = new ConcurrentHashMap<>();
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    NotificationTexts(Engine engine) {
        this.engine = engine;
        LANGUAGES.forEach(language -> bundles.put(language, load(language)));
    }

    /** The first of the reader's languages (BCP 47, e.g. {@code kk-Cyrl-KZ} counts as {@code kk}) we write in. */
    public String languageFor(List<String> preferred) {
        for (String tag : preferred) {
            String language = Locale.forLanguageTag(tag).getLanguage();
            if (bundles.get(language) != null && !bundles.get(language).isEmpty()) {
                return language;
            }
        }
        return FALLBACK;
    }

    public boolean hasKey(String key) {
        return bundles.get(FALLBACK).containsKey(key);
    }

    /** Renders the text of {@code key} in {@code language}, falling back to English for a missing key. */
    public String render(String key, String language, Map<String, Object> parameters) {
        Properties bundle = bundles.getOrDefault(language, bundles.get(FALLBACK));
        String lang = bundle.containsKey(key) ? language : FALLBACK;
        String text = bundles.get(lang).getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("no notification text " + key);
        }
        return templates.computeIfAbsent(lang + ":" + key, ignored -> engine.parse(text)).data(parameters).render().strip();
    }

    /** Every key of the English texts, which every language must have too. */
    public Set<String> keys() {
        return bundles.get(FALLBACK).stringPropertyNames();
    }

    /** The unrendered text of a key in a language (null if that language lacks it). */
    public String raw(String key, String language) {
        return bundles.get(language).getProperty(key);
    }

    public static boolean rightToLeft(String language) {
        return RIGHT_TO_LEFT.contains(language);
    }

    private static Properties load(String language) {
        Properties properties = new Properties();
        try (InputStream in = NotificationTexts.class.getResourceAsStream("/messages/notifications_" + language + ".properties")) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
