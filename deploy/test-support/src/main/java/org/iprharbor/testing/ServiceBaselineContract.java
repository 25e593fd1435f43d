package org.iprharbor.testing;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * What every IPR Harbor service must offer an operator and a client developer: health covering the
 * database and Kafka, Prometheus metrics, an OpenAPI document with the problem schema, and problem+json
 * for server-side failures. Each service runs it with {@code @QuarkusTest class BaselineTest extends ServiceBaselineContract}.
 */
public abstract class ServiceBaselineContract {

    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldReportReadinessOfDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check", "Outbox"))
                .body("checks.find { it.name == 'Outbox' }.data.pending", notNullValue());
    }

    @Test
    void shouldReportLiveness() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldExposePrometheusMetrics() {
        given().when().get("/definitely/not/here").then().statusCode(404);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("http_server_requests_seconds"))
                .body(containsString("harbor_outbox_pending"))
                .body(containsString("harbor_outbox_oldest_age_seconds"));
    }

    @Test
    void shouldDocumentProblemResponsesInOpenApi() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("components.schemas.Problem.properties.detail", notNullValue())
                .body("components.schemas.Problem.properties.errors", notNullValue());
    }

    @Test
    void shouldHideInternalErrorsBehindAReference() {
        given().when().get("/test-support/failures/unexpected")
                .then().statusCode(500).contentType(PROBLEM)
                .body("type", equalTo("https://iprharbor.org/problems/internal-error"))
                .body("detail", containsString("Quote reference"))
                .body(not(containsString("secret")))
                .body(not(containsString("at org.")));
    }

    @Test
    void shouldAnswer503WhenTheDatabaseIsUnreachable() {
        given().when().get("/test-support/failures/database-down")
                .then().statusCode(503).contentType(PROBLEM)
                .header("Retry-After", notNullValue())
                .body("detail", containsString("nothing was changed"))
                .body(not(containsString("15432")));
    }

    @Test
    void shouldAnswer409OnConcurrentUpdate() {
        given().when().get("/test-support/failures/concurrent-update")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://iprharbor.org/problems/concurrent-update"));
    }

    @Test
    void shouldAnswerUnknownRouteWithProblem() {
        given().when().get("/definitely/not/here")
                .then().statusCode(404).contentType(PROBLEM)
                .body("instance", equalTo("/definitely/not/here"));
    }
}
