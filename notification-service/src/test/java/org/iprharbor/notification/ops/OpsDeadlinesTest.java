package org.iprharbor.notification.ops;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.iprharbor.notification.support.CatalogAndDeals;
import org.iprharbor.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The dashboard's "due and overdue" panel: every deal's owed deadlines from its newest event, by due date, with the
 * responsible party and an overdue flag, filterable by kind; a late older event changes nothing, a newer one that owes
 * nothing clears the deal.
 */
@QuarkusTest
class OpsDeadlinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant PAST = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private static final Instant SOON = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private static final Instant LATER = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldListOwedDeadlinesByDueDateWithTheResponsiblePartyAndOverdueFlag() {
        OpsDealsTest.Parties parties = OpsDealsTest.Parties.create();
        UUID registration = UUID.randomUUID();
        UUID recordal = UUID.randomUUID();
        publish(parties, registration, 6, List.of(deadline("CONTRACT_REGISTRATION", LATER, "OPEN"),
                deadline("CNIPA_RECORDAL", SOON, "OPEN")));
        publish(parties, recordal, 7, List.of(deadline("CNIPA_RECORDAL", PAST, "OVERDUE"),
                deadline("EXPORT_LICENCE", SOON, "MET")));

        JsonPath mine = await().atMost(CatalogAndDeals.WAIT).until(() -> due("", registration, recordal),
                rows -> rows.getList("$").size() == 3);
        assertThat(mine.getList("dealId", String.class)).as("by due date")
                .containsExactly(recordal.toString(), registration.toString(), registration.toString());
        assertThat(mine.getList("kind", String.class)).containsExactly("CNIPA_RECORDAL", "CNIPA_RECORDAL", "CONTRACT_REGISTRATION");
        assertThat(mine.getList("overdue", Boolean.class)).containsExactly(true, false, false);
        assertThat(mine.getList("responsible", String.class)).containsOnly("SELLER");
        assertThat(Instant.parse(mine.getString("[0].dueAt"))).isEqualTo(PAST);
        assertThat(mine.getList("kind", String.class)).as("a deadline met is no longer owed").doesNotContain("EXPORT_LICENCE");

        assertThat(due("CNIPA_RECORDAL", registration, recordal).getList("kind", String.class))
                .containsExactly("CNIPA_RECORDAL", "CNIPA_RECORDAL");
        assertThat(due("INTENT_REVIEW", registration, recordal).getList("$")).isEmpty();
    }

    @Test
    void shouldKeepTheNewestDeadlinesOfADeal() {
        OpsDealsTest.Parties parties = OpsDealsTest.Parties.create();
        UUID deal = UUID.randomUUID();
        publish(parties, deal, 6, List.of(deadline("CONTRACT_REGISTRATION", LATER, "OPEN")));
        await().atMost(CatalogAndDeals.WAIT).until(() -> due("", deal).getList("$").size() == 1);

        // an older version arriving late (a new event id, so the inbox does not stop it) changes nothing
        UUID late = publish(parties, deal, 5, List.of(deadline("EXPORT_LICENCE", SOON, "OPEN")));
        await().atMost(CatalogAndDeals.WAIT).until(() -> timeline(deal).contains(late.toString()));
        assertThat(due("", deal).getList("kind", String.class)).containsExactly("CONTRACT_REGISTRATION");

        publish(parties, deal, 8, List.of());
        await().atMost(CatalogAndDeals.WAIT).until(() -> due("", deal).getList("$").isEmpty());
    }

    @Test
    void shouldRefuseAnUnknownKindNamingTheValidOnes() {
        given().auth().oauth2(TestTokens.operator()).queryParam("kind", "CNIPA_RECORDALS")
                .when().get("/ops/api/deadlines")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"))
                .body("detail", containsString("OFFER_VALIDITY, INTENT_REVIEW, EXPORT_LICENCE, CONTRACT_REGISTRATION, "
                        + "CNIPA_RECORDAL"));
        given().auth().oauth2(TestTokens.operator()).queryParam("kind", "cnipa_recordal")
                .when().get("/ops/api/deadlines").then().statusCode(400);
    }

    @Test
    void shouldShowThePanelOnThePage() {
        given().when().get("/ops/").then().statusCode(200).body(containsString("id=\"deadlines\""))
                .body(containsString("id=\"deadline-kind\""));
        given().when().get("/ops/ops.js").then().statusCode(200).body(containsString("/deadlines"));
    }

    private static UUID publish(OpsDealsTest.Parties parties, UUID deal, long version, List<Map<String, Object>> deadlines) {
        return CatalogAndDeals.dealEvent(UUID.randomUUID(), "offer-countered", deal, parties.patent(), parties.buyer(),
                parties.seller(), "KZ", "CN", version, fixture -> fixture.set("deadlines", deadlines));
    }

    private static Map<String, Object> deadline(String kind, Instant due, String status) {
        Map<String, Object> deadline = new HashMap<>(Map.of("kind", kind, "dueAt", due.toString(), "responsible", "SELLER",
                "estimated", false, "status", status, "reminders", 0, "openedAt", "2026-12-07T09:12:40.117Z"));
        deadline.put("closedAt", null);
        return deadline;
    }

    /** The panel's rows of these deals only (other tests share the database). */
    private static JsonPath due(String kind, UUID... deals) {
        List<String> ids = Arrays.stream(deals).map(UUID::toString).toList();
        List<Map<String, Object>> rows = given().auth().oauth2(TestTokens.operator()).queryParam("kind", kind)
                .when().get("/ops/api/deadlines").then().statusCode(200).extract().jsonPath().getList("$");
        try {
            return JsonPath.from(JSON.writeValueAsString(rows.stream().filter(row -> ids.contains(row.get("dealId"))).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String timeline(UUID deal) {
        return given().auth().oauth2(TestTokens.operator()).when().get("/ops/api/deals/" + deal + "/timeline")
                .then().statusCode(200).extract().asString();
    }
}
