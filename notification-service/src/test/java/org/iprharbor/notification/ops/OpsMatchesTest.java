package org.iprharbor.notification.ops;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.iprharbor.notification.support.CatalogAndDeals;
import org.iprharbor.notification.support.NeedsAndMatches;
import org.iprharbor.testing.TestTokens;
import org.iprharbor.testing.contracts.EventFixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's match funnel: matches found today, and how many of them deals named as their origin (offers)
 * and how many of those deals completed; a match announced twice counts once, a deal without a match not at all.
 */
@QuarkusTest
class OpsMatchesTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldCountMatchesPerDayAndTheShareThatBecameOffersAndCompletedDeals() {
        JsonPath before = matches();
        long found = today(before, "found");
        long offered = today(before, "offered");
        long completed = today(before, "completed");
        UUID need = UUID.randomUUID();
        UUID[] matchIds = new UUID[3];
        for (int i = 0; i < 3; i++) {
            matchIds[i] = UUID.randomUUID();
            var match = NeedsAndMatches.match(need, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    NeedsAndMatches.publication()).set("matchId", matchIds[i]).set("score", 10); // nobody is told
            NeedsAndMatches.publish(match, need, UUID.randomUUID());
            if (i == 0) {
                NeedsAndMatches.publish(match, need, UUID.randomUUID()); // announced again: still one match
            }
        }
        UUID fromMatch = deal("deal-opened", UUID.randomUUID(), matchIds[0], 0);
        UUID completedDeal = deal("deal-opened", UUID.randomUUID(), matchIds[1], 0);
        deal("deal-completed", completedDeal, matchIds[1], 8);
        deal("deal-opened", fromMatch, matchIds[0], 0); // a redelivered copy under a new id changes nothing
        deal("deal-opened", UUID.randomUUID(), null, 0); // not from a match

        await().atMost(CatalogAndDeals.WAIT).until(() -> {
            JsonPath now = matches();
            return today(now, "found") >= found + 3 && today(now, "offered") >= offered + 2
                    && today(now, "completed") >= completed + 1;
        });
        JsonPath after = matches();
        assertThat(today(after, "found")).isEqualTo(found + 3);
        assertThat(today(after, "offered")).isEqualTo(offered + 2);
        assertThat(today(after, "completed")).isEqualTo(completed + 1);
        assertThat(after.getList("days")).hasSize(14);
        // rest-assured reads JSON numbers as floats
        assertThat(after.getDouble("offeredShare")).isCloseTo((double) after.getLong("offered") / after.getLong("found"), within(1e-6));
        assertThat(after.getDouble("completedShare")).isCloseTo((double) after.getLong("completed") / after.getLong("found"), within(1e-6));
    }

    private static UUID deal(String type, UUID dealId, UUID matchId, long version) {
        EventFixtures.load("notification-service", "org.iprharbor.deal." + type + ".v1")
                .set("dealId", dealId).set("patentId", UUID.randomUUID()).set("buyerId", UUID.randomUUID())
                .set("sellerId", UUID.randomUUID()).set("version", version).set("matchId", matchId)
                .publish(dealId, UUID.randomUUID(), version);
        return dealId;
    }

    private static long today(JsonPath matches, String field) {
        String day = LocalDate.now(ZoneOffset.UTC).toString();
        return matches.getLong("days.find { it.day == '" + day + "' }." + field);
    }

    private static JsonPath matches() {
        return given().auth().oauth2(TestTokens.operator()).when().get("/ops/api/matches").then().statusCode(200)
                .extract().jsonPath();
    }
}
