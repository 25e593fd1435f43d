package org.iprharbor.deal.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * When every pooled connection stays busy past the acquisition timeout (a slow statement, a load peak), the pool
 * gives up with an error that has no SQLSTATE, and the client got 500. It is an overload: 503 with Retry-After.
 */
@QuarkusTest
@TestProfile(DatabaseBusyProblemTest.PoolOfTwo.class)
class DatabaseBusyProblemTest {

    /** Two connections: the fewest Flyway starts with (it locks on one and migrates on the other). */
    public static class PoolOfTwo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "2", "quarkus.datasource.jdbc.acquisition-timeout", "1s");
        }
    }

    @Test
    void shouldAnswer503ProblemWhenNoConnectionFreesUpInTime() throws Exception {
        List<CompletableFuture<Response>> holders = Stream.generate(() -> CompletableFuture.supplyAsync(() ->
                given().when().post("/test-support/database-error/hold/4"))).limit(2).toList();
        Thread.sleep(1_000);

        given().when().post("/test-support/database-error/hold/0")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("detail", containsString("nothing was changed"));
        for (CompletableFuture<Response> holder : holders) {
            assertThat(holder.get().statusCode()).isEqualTo(200);
        }
    }
}
