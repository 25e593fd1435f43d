package org.iprharbor.deal.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.iprharbor.deal.domain.Deal;
import org.iprharbor.deal.domain.DealType;
import org.iprharbor.deal.support.DealFixtures;
import org.iprharbor.deal.support.DealFixtures.Market;
import org.iprharbor.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.iprharbor.deal.support.DealFixtures.as;

/**
 * {@code Idempotency-Key} on {@code POST /deals}: a retry returns the same deal, a reused key with another body is
 * refused, and racing duplicates create one deal.
 */
@QuarkusTest
class IdempotencyTest {

    @Inject
    ObjectMapper json;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldReturnTheSameDealWhenTheSameRequestIsRetried() {
        Market market = DealFixtures.market("KZ", "FREE", "NON_EXCLUSIVE_LICENCE");
        Map<String, Object> body = DealFixtures.offerBody(market.patentId(), "NON_EXCLUSIVE_LICENCE");
        String key = UUID.randomUUID().toString();

        String first = post(market.buyerId(), key, body).then().statusCode(201).extract().path("id");
        post(market.buyerId(), key, body).then().statusCode(200).body("id", equalTo(first)).body("version", equalTo(0));

        assertThat(dealsOf(market)).isEqualTo(1);
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherBody() {
        Market market = DealFixtures.market("KZ", "FREE", "NON_EXCLUSIVE_LICENCE");
        Map<String, Object> body = DealFixtures.offerBody(market.patentId(), "NON_EXCLUSIVE_LICENCE");
        String key = UUID.randomUUID().toString();
        post(market.buyerId(), key, body).then().statusCode(201);

        body.put("terms", DealFixtures.terms("999999.00"));
        post(market.buyerId(), key, body).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://iprharbor.org/problems/idempotency-key-reused"));

        assertThat(dealsOf(market)).isEqualTo(1);
    }

    @Test
    void shouldKeepKeysApartPerCaller() {
        Market market = DealFixtures.market("KZ", "FREE", "NON_EXCLUSIVE_LICENCE");
        UUID otherBuyer = DealFixtures.partner("UZ");
        DealFixtures.awaitKnown(List.of(otherBuyer), List.of());
        Map<String, Object> body = DealFixtures.offerBody(market.patentId(), "NON_EXCLUSIVE_LICENCE");
        String key = UUID.randomUUID().toString();

        String first = post(market.buyerId(), key, body).then().statusCode(201).extract().path("id");
        String second = post(otherBuyer, key, body).then().statusCode(201).extract().path("id");

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void shouldCreateOneDealWhenTenIdenticalRequestsRace() throws Exception {
        Market market = DealFixtures.market("KZ", "FREE", "NON_EXCLUSIVE_LICENCE");
        Map<String, Object> body = DealFixtures.offerBody(market.patentId(), "NON_EXCLUSIVE_LICENCE");
        String key = UUID.randomUUID().toString();
        int racers = 10;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Response>> responses = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<Response> request = () -> {
                    start.await();
                    return post(market.buyerId(), key, body);
                };
                responses.add(pool.submit(request));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Future<Response> response : responses) {
                Response answer = response.get(60, TimeUnit.SECONDS);
                statuses.add(answer.statusCode());
                ids.add(answer.path("id"));
            }

            assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
            assertThat(ids).doesNotContainNull().containsOnly(ids.get(0));
            assertThat(dealsOf(market)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldKeepTheMatchIdInTheFingerprintOnlyWhenItIsGiven() throws Exception {
        Market market = DealFixtures.market("KZ", "FREE", "NON_EXCLUSIVE_LICENCE");
        UUID matchId = DealFixtures.match(market.buyerId(), market.patentId(), market.sellerId());
        Map<String, Object> body = DealFixtures.offerBody(market.patentId(), "NON_EXCLUSIVE_LICENCE", matchId);
        String key = UUID.randomUUID().toString();

        String first = post(market.buyerId(), key, body).then().statusCode(201).extract().path("id");
        post(market.buyerId(), key, body).then().statusCode(200).body("id", equalTo(first))
                .body("matchId", equalTo(matchId.toString()));
        body.remove("matchId");
        post(market.buyerId(), key, body).then().statusCode(422)
                .body("type", equalTo("https://iprharbor.org/problems/idempotency-key-reused"));
        assertThat(dealsOf(market)).isEqualTo(1);

        // an offer without matchId must hash as it did before the field existed, so a retry across the upgrade is
        // still recognised: the fingerprinted JSON has no matchId member at all
        OfferRequest withoutMatch = new OfferRequest(market.patentId(), DealType.NON_EXCLUSIVE_LICENCE,
                new TermsBody(new TermsBody.PriceBody(new BigDecimal("1.00"), "CNY"), null, List.of("KZ"), 1, null),
                Instant.parse("2027-01-31T00:00:00Z"), null);
        assertThat(json.writeValueAsString(withoutMatch)).doesNotContain("matchId");
    }

    private static Response post(UUID buyer, String key, Map<String, Object> body) {
        return as(TestTokens.partner(buyer)).header("Idempotency-Key", key).body(body).when().post("/deals");
    }

    private static long dealsOf(Market market) {
        return QuarkusTransaction.requiringNew().call(() -> Deal.count("patentId = ?1 and buyerId = ?2",
                market.patentId(), market.buyerId()));
    }
}
