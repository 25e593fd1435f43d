package org.iprharbor.deal.api;

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

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.iprharbor.deal.domain.Deal;
import org.iprharbor.deal.domain.DealState;
import org.iprharbor.deal.support.DealFixtures;
import org.iprharbor.deal.support.DealFixtures.Market;
import org.iprharbor.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.iprharbor.deal.support.DealFixtures.command;

/**
 * Conflicting commands: exactly one wins, the others are told why (409), and stale clients get 412.
 */
@QuarkusTest
class DealConcurrencyTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldLetOnlyOneOfTwoRacingBuyersAgreeAnExclusiveDeal() throws Exception {
        Market market = DealFixtures.market("KZ", "FREE", "EXCLUSIVE_LICENCE");
        UUID rival = DealFixtures.partner("UZ");
        DealFixtures.awaitKnown(List.of(rival), List.of());
        String seller = TestTokens.partner(market.sellerId());
        UUID first = DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(), "EXCLUSIVE_LICENCE"));
        UUID second = DealFixtures.offer(rival, DealFixtures.offerBody(market.patentId(), "EXCLUSIVE_LICENCE"));
        command(seller, first, "counter", Map.of("terms", DealFixtures.terms("400000.00"))).statusCode(200);
        command(seller, second, "counter", Map.of("terms", DealFixtures.terms("400000.00"))).statusCode(200);

        List<Response> answers = race(
                () -> accept(TestTokens.partner(market.buyerId()), first),
                () -> accept(TestTokens.partner(rival), second));

        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 409);
        Response loser = answers.stream().filter(answer -> answer.statusCode() == 409).findFirst().orElseThrow();
        assertThat(loser.contentType()).startsWith("application/problem+json");
        assertThat(loser.<String>path("type")).isEqualTo("https://iprharbor.org/problems/patent-held");
        assertThat(loser.<String>path("detail")).contains("only one such deal per patent");
        assertThat(List.of(DealFixtures.load(first).state(), DealFixtures.load(second).state()))
                .containsExactlyInAnyOrder(DealState.AGREED, DealState.COUNTERED);
    }

    @Test
    void shouldHaveTheDatabaseRefuseASecondExclusiveAgreementEvenWithoutTheServicesCheck() {
        Market market = DealFixtures.market("KZ", "FREE", "ASSIGNMENT");
        UUID rival = DealFixtures.partner("UZ");
        DealFixtures.awaitKnown(List.of(rival), List.of());
        UUID first = DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(), "ASSIGNMENT"));
        UUID second = DealFixtures.offer(rival, DealFixtures.offerBody(market.patentId(), "ASSIGNMENT"));
        command(TestTokens.partner(market.sellerId()), first, "accept", null).statusCode(200);

        // what a racing transaction that passed the service's query would do: the partial unique index stops it
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> Deal.getEntityManager()
                .createNativeQuery("UPDATE deal SET state = 'AGREED' WHERE id = ?1").setParameter(1, second)
                .executeUpdate()))
                .hasStackTraceContaining("deal_one_exclusive_per_patent");
        assertThat(DealFixtures.load(second).state()).isEqualTo(DealState.OFFERED);
    }

    @Test
    void shouldLetNonExclusiveLicencesBeAgreedSideBySide() {
        Market market = DealFixtures.market("KZ", "FREE", "NON_EXCLUSIVE_LICENCE");
        UUID other = DealFixtures.partner("TJ");
        DealFixtures.awaitKnown(List.of(other), List.of());
        UUID first = DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(), "NON_EXCLUSIVE_LICENCE"));
        UUID second = DealFixtures.offer(other, DealFixtures.offerBody(market.patentId(), "NON_EXCLUSIVE_LICENCE"));

        command(TestTokens.partner(market.sellerId()), first, "accept", null).statusCode(200);
        command(TestTokens.partner(market.sellerId()), second, "accept", null).statusCode(200);
    }

    @Test
    void shouldLetExactlyOneOfManyConcurrentCommandsOnADealWin() throws Exception {
        Market market = DealFixtures.market("KZ", "FREE", "ASSIGNMENT");
        UUID dealId = DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(), "ASSIGNMENT"));
        String seller = TestTokens.partner(market.sellerId());
        List<Callable<Response>> commands = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String amount = (300000 + i) + ".00";
            commands.add(() -> given().auth().oauth2(seller).contentType("application/json")
                    .body(Map.of("terms", DealFixtures.terms(amount))).post("/deals/" + dealId + "/counter"));
        }

        List<Response> answers = race(commands.toArray(Callable[]::new));

        assertThat(answers).extracting(Response::statusCode).containsOnlyOnce(200).containsOnly(200, 409);
        assertThat(DealFixtures.load(dealId).termsVersion()).isEqualTo(2);
    }

    @Test
    void shouldRefuseACommandBasedOnAStaleVersion() {
        Market market = DealFixtures.market("KZ", "FREE", "ASSIGNMENT");
        UUID dealId = DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(), "ASSIGNMENT"));
        String seller = TestTokens.partner(market.sellerId());
        String etag = given().auth().oauth2(seller).get("/deals/" + dealId).then().statusCode(200)
                .header("ETag", "\"0\"").extract().header("ETag");
        given().auth().oauth2(seller).contentType("application/json").header("If-Match", etag)
                .body(Map.of("terms", DealFixtures.terms("310000.00")))
                .post("/deals/" + dealId + "/counter").then().statusCode(200).header("ETag", "\"1\"");

        given().auth().oauth2(TestTokens.partner(market.buyerId())).header("If-Match", etag)
                .post("/deals/" + dealId + "/accept")
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("https://iprharbor.org/problems/precondition-failed"))
                .body("detail", containsString("version 1"));
        assertThat(DealFixtures.load(dealId).state()).isEqualTo(DealState.COUNTERED);
    }

    private static Response accept(String token, UUID dealId) {
        return given().auth().oauth2(token).post("/deals/" + dealId + "/accept");
    }

    @SafeVarargs
    private static List<Response> race(Callable<Response>... requests) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests.length);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> request : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
