package org.iprharbor.deal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production's log format (service-kit's baseline: one JSON object per line) carries what an operator searches by:
 * the reference a partner quotes from a 500 problem is a field of the line that explains the error, with its level
 * and the exception. The console is production's handler; this test writes the same formatter to a file it can read.
 */
@QuarkusTest
@TestProfile(JsonLogTest.JsonFileLog.class)
class JsonLogTest {

    private static final Path LOG = Path.of("target/json-log-test/deal-service.log");
    private static final Pattern REFERENCE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static class JsonFileLog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG.toString(),
                    "quarkus.log.file.json.enabled", "true");
        }
    }

    @Test
    void shouldLogAnInternalErrorAsOneJsonLineCarryingItsReference() {
        String detail = given().when().get("/test-support/failures/unexpected")
                .then().statusCode(500).extract().path("detail");
        Matcher quoted = REFERENCE.matcher(detail);
        assertThat(quoted.find()).as("a reference in: " + detail).isTrue();
        String reference = quoted.group();

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode line = lineMentioning(reference);
            assertThat(line.path("level").asText()).isEqualTo("ERROR");
            assertThat(line.at("/mdc/problemReference").asText()).isEqualTo(reference);
            assertThat(line.path("exception").isMissingNode()).as("the exception, for the operator: " + line).isFalse();
        });
    }

    private static JsonNode lineMentioning(String reference) throws IOException {
        for (String text : Files.readAllLines(LOG)) {
            JsonNode line = JSON.readTree(text); // every line is one JSON object, or this throws
            if (line.path("message").asText().contains(reference)) {
                return line;
            }
        }
        throw new AssertionError("no line of " + LOG + " mentions " + reference);
    }
}
