package org.iprharbor.deal.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
        await().atMost(Duration.ofSeconds(3)).until(() -> sessionsSleeping() == 2);

        given().when().post("/test-support/database-error/hold/0")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("detail", containsString("nothing was changed"));
        for (CompletableFuture<Response> holder : holders) {
            assertThat(holder.get().statusCode()).isEqualTo(200);
        }
    }

    /** Asked outside the pool, which has no connection to spare. */
    private static int sessionsSleeping() throws SQLException {
        Config config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                ResultSet sleeping = connection.createStatement().executeQuery(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                + " AND state = 'active' AND query LIKE 'SELECT pg_sleep%'")) {
            sleeping.next();
            return sleeping.getInt(1);
        }
    }
}
