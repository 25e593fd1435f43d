package org.iprharbor.notification.ops;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.iprharbor.notification.domain.InboxItem;
import org.iprharbor.notification.support.CatalogAndDeals;
import org.iprharbor.testing.KafkaProbe;
import org.iprharbor.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Dead letters: listed with SmallRye's error headers and a redacted preview; a redrive re-publishes the record with
 * its original CloudEvents headers to its original topic and is audited; a second redrive of the same record has
 * no second effect (consumers apply each ce_id once).
 */
@QuarkusTest
class OpsDeadLetterTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldListRedriveTwiceWithOneEffectAndAuditBoth() {
        OpsDealsTest.Parties parties = OpsDealsTest.Parties.create();
        UUID deal = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        plantDeadLetter(deal, eventId, parties);

        Map<String, Object> letter = await().atMost(CatalogAndDeals.WAIT).until(() -> deadLetter(eventId), found -> found != null);
        assertThat(letter).containsEntry("topic", "harbor.deals.v1.dlq").containsEntry("originalTopic", "harbor.deals.v1")
                .containsEntry("originalPartition", 3).containsEntry("originalOffset", 41)
                .containsEntry("reason", "catalog read model lagged behind (retry me)")
                .containsEntry("cause", "org.iprharbor.kit.events.PoisonEventException")
                .containsEntry("type", "org.iprharbor.deal.deal-opened.v1");
        assertThat((String) letter.get("payloadPreview")).contains(deal.toString()).contains("b***@example.kz")
                .doesNotContain("buyer.office@").doesNotContain("hunter2");

        Map<String, Object> coordinates = Map.of("topic", letter.get("topic"), "partition", letter.get("partition"),
                "offset", letter.get("offset"));
        redrive(coordinates).then().statusCode(200).body("topic", equalTo("harbor.deals.v1"));
        redrive(coordinates).then().statusCode(200).body("topic", equalTo("harbor.deals.v1"));

        // a later event of the same deal (same key, same partition) is applied after both redriven copies
        UUID later = CatalogAndDeals.dealEvent(UUID.randomUUID(), "offer-countered", deal, parties.patent(), parties.buyer(),
                parties.seller(), "KZ", "CN", 1);
        await().atMost(CatalogAndDeals.WAIT).until(() -> inboxItemsOf(later) == 2);
        assertThat(inboxItemsOf(eventId)).as("buyer and seller told once each, despite two redrives").isEqualTo(2);

        String target = "harbor.deals.v1.dlq/" + coordinates.get("partition") + "@" + coordinates.get("offset");
        JsonPath audit = given().auth().oauth2(TestTokens.operator()).when().get("/ops/api/audit?limit=500")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> mine = audit.getList("findAll { it.target == '" + target + "' }");
        assertThat(mine).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.get("actor")).isEqualTo(TestTokens.OPERATOR_ID.toString());
            assertThat(entry.get("action")).isEqualTo("redrive");
            assertThat(entry.get("result")).isEqualTo("PUBLISHED");
            assertThat((String) entry.get("detail")).startsWith("to harbor.deals.v1/");
            assertThat(Instant.parse((String) entry.get("at"))).isBefore(Instant.now().plusSeconds(1));
        });
    }

    @Test
    void shouldRefuseARedriveOfSomethingThatIsNotADeadLetter() {
        redrive(Map.of("topic", "harbor.deals.v1", "partition", 0, "offset", 0))
                .then().statusCode(400).contentType("application/problem+json");
        redrive(Map.of("topic", "harbor.deals.v1.dlq", "partition", 0, "offset", 999_999_999L))
                .then().statusCode(404).contentType("application/problem+json");
        redrive(Map.of("topic", "harbor.deals.v1.dlq", "offset", 0))
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseToRedriveARecordWithoutAnOriginalPlatformTopic() {
        UUID eventId = UUID.randomUUID();
        KafkaProbe.publish("harbor.patents.v1.dlq", "k", Map.of("ce_id", eventId.toString(), "dead-letter-topic", "elsewhere"), "{}");
        Map<String, Object> letter = await().atMost(CatalogAndDeals.WAIT).until(() -> deadLetter(eventId), found -> found != null);
        redrive(Map.of("topic", "harbor.patents.v1.dlq", "partition", letter.get("partition"), "offset", letter.get("offset")))
                .then().statusCode(422).contentType("application/problem+json");
    }

    private static void plantDeadLetter(UUID deal, UUID eventId, OpsDealsTest.Parties parties) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", eventId.toString());
        headers.put("ce_source", "/harbor/deal-service");
        headers.put("ce_type", "org.iprharbor.deal.deal-opened.v1");
        headers.put("ce_subject", deal.toString());
        headers.put("ce_time", Instant.now().toString());
        headers.put("ce_sequence", "0");
        headers.put("content-type", "application/json");
        headers.put("dead-letter-reason", "catalog read model lagged behind (retry me)");
        headers.put("dead-letter-cause", "org.iprharbor.kit.events.PoisonEventException");
        headers.put("dead-letter-topic", "harbor.deals.v1");
        headers.put("dead-letter-partition", "3");
        headers.put("dead-letter-offset", "41");
        KafkaProbe.publish("harbor.deals.v1.dlq", deal.toString(), headers, """
                {"dealId":"%s","patentId":"%s","buyerId":"%s","sellerId":"%s","buyerCountry":"KZ","sellerCountry":"CN",
                 "dealType":"EXCLUSIVE_LICENCE","state":"OFFERED","termsVersion":1,"contactEmail":"buyer.office@example.kz",
                 "signingPassword":"hunter2","terms":{"price":{"amount":"250000.00","currency":"CNY"},"territory":["KZ"]},
                 "version":0}""".formatted(deal, parties.patent(), parties.buyer(), parties.seller()));
    }

    private static Map<String, Object> deadLetter(UUID eventId) {
        return given().auth().oauth2(TestTokens.operator()).when().get("/ops/api/dead-letters")
                .then().statusCode(200).extract().jsonPath().getMap("find { it.eventId == '" + eventId + "' }");
    }

    private static io.restassured.response.Response redrive(Map<String, Object> coordinates) {
        return given().auth().oauth2(TestTokens.operator()).contentType("application/json").body(coordinates)
                .when().post("/ops/api/dead-letters/redrive");
    }

    private static long inboxItemsOf(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> InboxItem.count("eventId", eventId));
    }
}
