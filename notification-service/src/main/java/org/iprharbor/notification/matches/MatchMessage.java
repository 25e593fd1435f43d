package org.iprharbor.notification.matches;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.iprharbor.notification.localisation.NotificationTexts;
import org.iprharbor.notification.localisation.Titles;
import org.iprharbor.notification.routing.MessageFacts;

/**
 * One message telling a party of its pending matches: a single match in its own words, several as a digest that
 * lists each, best first. Titles in the reader's languages where the need or patent has them, else English, else
 * (a need) the language its owner wrote first, as the event lists them.
 */
final class MatchMessage implements MessageFacts {

    /** A match and the side of it the reader is on. */
    record Told(Party party, MatchFound match) {
    }

    private final List<Told> matches;
    private final UUID reference;

    MatchMessage(List<Told> matches, UUID reference) {
        this.matches = matches.stream()
                .sorted(Comparator.comparing((Told told) -> told.match().score()).reversed()).toList();
        this.reference = reference;
    }

    /** The texts' key: {@code match-found.<party>} for one match, {@code match-digest} for several. */
    String key() {
        return matches.size() == 1 ? "match-found." + matches.get(0).party().textKey() : "match-digest";
    }

    /** What the inbox item is about: the match when there is one, else the message itself. */
    String subject() {
        return matches.size() == 1 ? matches.get(0).match().matchId().toString() : reference.toString();
    }

    @Override
    public String referenceKey() {
        return "email.match-reference";
    }

    @Override
    public Map<String, Object> forReader(String name, String language, List<String> preferredLanguages, ZoneId zone,
            NotificationTexts texts) {
        List<String> order = Titles.order(language, preferredLanguages);
        Map<String, Object> parameters = new HashMap<>();
        if (matches.size() == 1) {
            parameters.putAll(line(matches.get(0).match(), language, order, texts));
        } else {
            parameters.put("matches", matches.stream()
                    .map(told -> texts.render("match-digest.line." + told.party().textKey(), language,
                            line(told.match(), language, order, texts)))
                    .collect(Collectors.joining("\n")));
        }
        parameters.put("name", name);
        parameters.put("count", matches.size());
        parameters.put("reference", subject());
        return parameters;
    }

    private static Map<String, Object> line(MatchFound match, String language, List<String> order, NotificationTexts texts) {
        Map<String, String> needTitles = match.needTitles() == null ? Map.of() : match.needTitles();
        String anyNeedTitle = needTitles.values().stream().findFirst().orElse(match.needId().toString());
        return Map.of(
                "need", Titles.pick(needTitles, order, anyNeedTitle),
                "patent", Titles.pick(match.patentTitles(), order, match.publicationNumber()),
                "publication", match.publicationNumber(),
                "score", match.score(),
                "reasons", MatchReasons.render(match.reasonsOrNone(), language, texts));
    }
}
