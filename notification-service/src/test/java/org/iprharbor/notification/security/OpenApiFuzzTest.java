package org.iprharbor.notification.security;

import java.util.List;
import java.util.Map;

import org.iprharbor.testing.OpenApiFuzzContract;
import org.iprharbor.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;

/**
 * Hostile input to every notification-service operation never causes a 5xx or a stack trace. Example bodies are
 * valid (the subscription's event type matches nothing, so no other test receives its deliveries).
 */
@QuarkusTest
class OpenApiFuzzTest extends OpenApiFuzzContract {

    private static final Map<String, Object> SUBSCRIPTION = Map.of(
            "url", "http://127.0.0.1:9/hooks/fuzz", "eventTypes", List.of("org.iprharbor.fuzz.nothing.v1"));

    @Override
    protected Map<String, Object> exampleBodies() {
        return Map.of(
                "POST /alerts", Map.of("ipcPrefixes", List.of("H01M"), "keywords", List.of("desalination")),
                "PUT /preferences", Map.of("email", true, "inbox", true),
                "POST /subscriptions", SUBSCRIPTION);
    }

    @Override
    protected Map<String, Map<String, String>> examplePathValues() {
        String subscription = given().auth().oauth2(TestTokens.integrator()).contentType(ContentType.JSON).body(SUBSCRIPTION)
                .when().post("/subscriptions").then().statusCode(201).extract().path("id");
        return Map.of("/subscriptions/{id}", Map.of("id", subscription));
    }
}
