package org.iprharbor.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.iprharbor.kit.problem.ProblemMappers;

import io.restassured.RestAssured;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * What every IPR Harbor service must offer an operator and a client developer: health covering the
 * database and Kafka, Prometheus metrics, an OpenAPI document with the problem schema, and problem+json
 * for server-side failures whose reference leads to the log line that explains them. Each service runs it with {@code @QuarkusTest class BaselineTest extends ServiceBaselineContract}.
 */
public abstract class ServiceBaselineContract {

    private static final String PROBLEM = "application/problem+json";
    private static final Pattern REFERENCE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

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
    void shouldLogAnInternalErrorUnderTheReferenceItsProblemQuotes() {
        List<LoggedError> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                // read now: the MDC field is only set while the record is being logged
                logged.add(new LoggedError(record.getLevel(), ((ExtLogRecord) record).getFormattedMessage(),
                        ((ExtLogRecord) record).getMdc(ProblemMappers.REFERENCE_FIELD), record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger problems = Logger.getLogger(ProblemMappers.class.getName());
        problems.addHandler(capture);
        try {
            String detail = given().when().get("/test-support/failures/unexpected")
                    .then().statusCode(500).extract().path("detail");
            Matcher quoted = REFERENCE.matcher(detail);
            assertThat(quoted.find()).as("a reference in: " + detail).isTrue();
            String reference = quoted.group();
            assertThat(logged).as("error log lines").anySatisfy(line -> {
                assertThat(line.level()).isEqualTo(org.jboss.logmanager.Level.ERROR);
                assertThat(line.message()).contains(reference);
                assertThat(line.referenceField()).isEqualTo(reference);
                assertThat(line.thrown()).as("the cause, with its stack trace, for the operator").isNotNull();
            });
        } finally {
            problems.removeHandler(capture);
        }
    }

    private record LoggedError(Level level, String message, String referenceField, Throwable thrown) {
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
