package org.iprharbor.notification.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.iprharbor.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;

/** What an integrator does through the API before any delivery reaches them. */
public final class Integrators {

    private Integrators() {
    }

    /** Subscribes the integrator's endpoint to the event types; returns the created subscription. */
    public static JsonPath subscribe(UUID integrator, String url, List<String> types) {
        return given().auth().oauth2(TestTokens.mint(integrator, "integrator")).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", types))
                .when().post("/subscriptions")
                .then().statusCode(201).extract().jsonPath();
    }
}
