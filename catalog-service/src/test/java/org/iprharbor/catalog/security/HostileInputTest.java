package org.iprharbor.catalog.security;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.iprharbor.catalog.support.CatalogFixtures;
import org.iprharbor.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Regressions for what the fuzz pass found: a NUL character reached PostgreSQL (500), a chunked body over the
 * limit got an empty 413, and a list of 100 000 elements took longer than the fuzzer's 20 s to be refused. Also
 * a client that leaves halfway through its body, which counted as a server error.
 */
@QuarkusTest
class HostileInputTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldRefuseANulCharacterInASearchAs400() {
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).urlEncodingEnabled(false)
                .get("/patents?q=lithium%00battery")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("NUL character"));
    }

    @Test
    void shouldRefuseANulCharacterInABodyFieldNamingTheField() {
        UUID owner = CatalogFixtures.registeredPartner("NUL Test University", "KZ");
        Map<String, Object> body = new HashMap<>(CatalogFixtures.patentBody(CatalogFixtures.freshPublicationNumber("CN")));
        body.put("titles", Map.of("en", "Cathode\u0000material"));

        given().auth().oauth2(TestTokens.partner(owner)).contentType(ContentType.JSON).body(body)
                .post("/patents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("titles.en"))
                .body("errors[0].message", containsString("NUL character"));
    }

    @Test
    void shouldRefuseANulCharacterInAMapKey() {
        UUID owner = CatalogFixtures.registeredPartner("NUL Key University", "KZ");
        Map<String, Object> body = new HashMap<>(CatalogFixtures.patentBody(CatalogFixtures.freshPublicationNumber("CN")));
        body.put("titles", Map.of("e\u0000n", "Cathode material"));

        given().auth().oauth2(TestTokens.partner(owner)).contentType(ContentType.JSON).body(body)
                .post("/patents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("NUL character"));
    }

    @Test
    void shouldRefuseAHugeListWhileReadingItNotElementByElement() {
        UUID owner = CatalogFixtures.registeredPartner("Huge List University", "KZ");
        Map<String, Object> body = new HashMap<>(CatalogFixtures.patentBody(CatalogFixtures.freshPublicationNumber("CN")));
        body.put("targetTerritories", IntStream.range(0, 100_000).boxed().toList());

        long started = System.nanoTime();
        String answer = given().auth().oauth2(TestTokens.partner(owner)).contentType(ContentType.JSON).body(body)
                .post("/patents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo("targetTerritories"))
                .body("errors[0].message", containsString("at most 1000"))
                .extract().asString();

        // before the limit: 100 000 field errors (one per element), several MB and seconds of validation
        assertThat(answer.length()).isLessThan(2_000);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void shouldAskForAContentLengthInsteadOfReadingAChunkedBody() throws Exception {
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] body = "{\"legalName\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/partners"))
                .header("Authorization", "Bearer " + TestTokens.operator())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(body)))
                .build();

        var response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(411);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("Content-Length");
    }

    /**
     * Regression: a client leaving mid-body was an ERROR with a stack trace and a 500 in the request metrics. Whether
     * the request is then counted as the 400 we answer or as vert.x's RESET depends on which side notices the closed
     * socket first; both are client errors, which is what operators alert on.
     */
    @Test
    void shouldCountAClientThatLeavesMidBodyAsAClientErrorNotA500() throws Exception {
        double serverErrorsBefore = partnerPosts("SERVER_ERROR");
        double clientErrorsBefore = partnerPosts("CLIENT_ERROR");

        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /partners HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestTokens.operator()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"legalName\":\"Half")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> partnerPosts("CLIENT_ERROR") > clientErrorsBefore);
        assertThat(partnerPosts("SERVER_ERROR")).isEqualTo(serverErrorsBefore);
    }

    /** POST /partners requests with this outcome so far, from the request metrics operators alert on. */
    private static double partnerPosts(String outcome) {
        return given().get("/q/metrics").asString().lines()
                .filter(metric -> metric.startsWith("http_server_requests_seconds_count{")
                        && metric.contains("method=\"POST\"") && metric.contains("outcome=\"" + outcome + "\"")
                        && metric.contains("uri=\"/partners\""))
                .mapToDouble(metric -> Double.parseDouble(metric.substring(metric.lastIndexOf(' ') + 1))).sum();
    }
}
