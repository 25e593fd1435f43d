package org.iprharbor.notification.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.iprharbor.testing.contracts.EventFixture;
import org.iprharbor.testing.contracts.EventFixtures;

/**
 * Publishes need and match events as catalog-service does, from notification-service's fixtures of what it relies
 * on ({@code docs/asyncapi/consumers/notification-service/}, checked against the catalog's schemas).
 */
public final class NeedsAndMatches {

    private static final String CONSUMER = "notification-service";
    private static final String MATCH_FOUND = "org.iprharbor.catalog.match-found.v1";

    private NeedsAndMatches() {
    }

    /** A match as the fixture has it (score 90, IPC group, words, territory KZ, non-exclusive licence), for these parties. */
    public static EventFixture match(UUID needId, UUID needOwner, UUID patentId, UUID patentOwner, String publication) {
        return EventFixtures.load(CONSUMER, MATCH_FOUND)
                .set("matchId", UUID.randomUUID()).set("needId", needId).set("needOwnerId", needOwner)
                .set("patentId", patentId).set("patentOwnerId", patentOwner).set("publicationNumber", publication)
                .set("foundAt", Instant.now().toString());
    }

    /** Publishes the match keyed by its need, as the catalog does; returns the event id. */
    public static UUID publish(EventFixture match, UUID needId, UUID eventId) {
        return match.publish(needId, eventId, 0);
    }

    /** A need posted by {@code owner}, as the fixture has it (territory KZ, licences wanted). */
    public static EventFixture needPosted(UUID needId, UUID owner) {
        return EventFixtures.load(CONSUMER, "org.iprharbor.catalog.need-posted.v1").set("needId", needId).set("ownerId", owner);
    }

    /** A publication number unique enough for one test run. */
    public static String publication() {
        return "CN-" + (100_000_000 + Math.abs(UUID.randomUUID().hashCode() % 800_000_000)) + "-B";
    }

    /** A need's titles in Russian, then Kazakh (the order its owner wrote them in, which the event keeps). */
    public static Map<String, String> needTitles() {
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put("ru", "Катодный материал для литий-ионных аккумуляторов");
        titles.put("kk", "Литий-иондық аккумуляторларға арналған катод материалы");
        return titles;
    }

}
