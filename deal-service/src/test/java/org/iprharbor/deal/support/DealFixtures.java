package org.iprharbor.deal.support;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.iprharbor.deal.domain.Deal;
import org.iprharbor.deal.domain.KnownMatch;
import org.iprharbor.deal.domain.KnownPartner;
import org.iprharbor.deal.domain.KnownPatent;
import org.iprharbor.testing.TestTokens;
import org.iprharbor.testing.contracts.EventFixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * A small market for deal-service's API tests: partners and patents published as the catalog would publish them
 * (and awaited in the read model), realistic offer bodies, and shortcuts for commands.
 */
public final class DealFixtures {

    public static final Duration KAFKA_WAIT = Duration.ofSeconds(30);
    /** Whose fixtures of the catalog's events these are (docs/asyncapi/consumers/deal-service). */
    private static final String CONSUMER = "deal-service";

    private DealFixtures() {
    }

    /** A seller with a patent, and a buyer, all known to deal-service. */
    public record Market(UUID sellerId, UUID buyerId, UUID patentId) {
    }

    /** Seller in CN with a CN patent of {@code exportClass}; buyer in {@code buyerCountry}. */
    public static Market market(String buyerCountry, String exportClass, String... dealTypes) {
        UUID seller = partner("CN");
        UUID buyer = partner(buyerCountry);
        UUID patent = patent(seller, "CN", exportClass, "AVAILABLE", dealTypes);
        awaitKnown(List.of(seller, buyer), List.of(patent));
        return new Market(seller, buyer, patent);
    }

    /** Publishes a partner-registered event; call {@link #awaitKnown} before using the partner. */
    public static UUID partner(String country) {
        UUID id = UUID.randomUUID();
        EventFixtures.load(CONSUMER, "org.iprharbor.catalog.partner-registered.v1")
                .set("partnerId", id).set("legalName", "Partner " + id.toString().substring(0, 8)).set("country", country)
                .publish(id, UUID.randomUUID(), 0);
        return id;
    }

    /**
     * Publishes a patent as the catalog would: patent-listed when AVAILABLE, patent-reserved (by some other deal) when
     * RESERVED.
     */
    public static UUID patent(UUID owner, String jurisdiction, String exportClass, String status, String... dealTypes) {
        UUID id = UUID.randomUUID();
        boolean reserved = "RESERVED".equals(status);
        EventFixtures.load(CONSUMER, reserved ? "org.iprharbor.catalog.patent-reserved.v1" : "org.iprharbor.catalog.patent-listed.v1")
                .set("patentId", id).set("publicationNumber", "CN-1" + Math.abs(id.getLeastSignificantBits() % 100_000_000) + "-B")
                .set("ownerId", owner).set("status", status).set("exportClass", exportClass).set("jurisdiction", jurisdiction)
                .set("dealTypes", List.of(dealTypes)).set("reservedByDeal", reserved ? UUID.randomUUID() : null)
                .set("version", 0)
                .publish(id, UUID.randomUUID(), 0);
        return id;
    }

    /**
     * Publishes the catalog's match-found for a need of {@code needOwner} and the patent, and waits until deal-service
     * knows the match; returns the matchId.
     */
    public static UUID match(UUID needOwner, UUID patentId, UUID patentOwner) {
        UUID matchId = UUID.randomUUID();
        publishMatch(UUID.randomUUID(), matchId, needOwner, patentId, patentOwner, UUID.randomUUID());
        await().atMost(KAFKA_WAIT).until(() -> QuarkusTransaction.requiringNew().call(() ->
                KnownMatch.findById(matchId) != null));
        return matchId;
    }

    /** Publishes match-found as the catalog does: keyed by the need, with {@code eventId} as ce_id. */
    public static void publishMatch(UUID needId, UUID matchId, UUID needOwner, UUID patentId, UUID patentOwner,
            UUID eventId) {
        EventFixtures.load(CONSUMER, "org.iprharbor.catalog.match-found.v1")
                .set("matchId", matchId).set("needId", needId).set("needOwnerId", needOwner)
                .set("patentId", patentId).set("patentOwnerId", patentOwner)
                .publish(needId, eventId, 0);
    }

    public static void awaitKnown(List<UUID> partners, List<UUID> patents) {
        await().atMost(KAFKA_WAIT).until(() -> QuarkusTransaction.requiringNew().call(() ->
                partners.stream().allMatch(id -> KnownPartner.findById(id) != null)
                        && patents.stream().allMatch(id -> KnownPatent.findById(id) != null)));
    }

    public static Map<String, Object> terms(String amount) {
        Map<String, Object> terms = new HashMap<>();
        terms.put("price", Map.of("amount", amount, "currency", "CNY"));
        terms.put("royaltyPercent", 3.5);
        terms.put("territory", List.of("KZ", "UZ"));
        terms.put("termYears", 5);
        terms.put("fieldOfUse", "cathode materials for traction batteries");
        return terms;
    }

    public static Map<String, Object> offerBody(UUID patentId, String dealType) {
        return offerBody(patentId, dealType, Instant.now().plus(7, ChronoUnit.DAYS));
    }

    public static Map<String, Object> offerBody(UUID patentId, String dealType, Instant validUntil) {
        Map<String, Object> body = new HashMap<>();
        body.put("patentId", patentId.toString());
        body.put("dealType", dealType);
        body.put("terms", terms("250000.00"));
        body.put("validUntil", validUntil.toString());
        return body;
    }

    /** An offer made from the catalog's match {@code matchId}. */
    public static Map<String, Object> offerBody(UUID patentId, String dealType, UUID matchId) {
        Map<String, Object> body = offerBody(patentId, dealType);
        body.put("matchId", matchId.toString());
        return body;
    }

    /** Opens a deal as {@code buyer} and returns its id. */
    public static UUID offer(UUID buyer, Map<String, Object> body) {
        String id = as(TestTokens.partner(buyer)).body(body).when().post("/deals")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    /** The operator records the letter of intent a restricted export needs before the parties negotiate. */
    public static void grantIntent(UUID dealId) {
        command(TestTokens.operator(), dealId, "export-intent", Map.of("decision", "GRANT", "reference", "LOI-" + dealId))
                .statusCode(200);
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** POSTs {@code /deals/{id}/<command>}, with a body when one is given. */
    public static ValidatableResponse command(String token, UUID dealId, String command, Object body) {
        RequestSpecification request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post("/deals/" + dealId + "/" + command).then();
    }

    public static Deal load(UUID dealId) {
        return QuarkusTransaction.requiringNew().call(() -> Deal.findById(dealId));
    }
}
