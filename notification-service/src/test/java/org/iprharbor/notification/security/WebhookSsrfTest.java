package org.iprharbor.notification.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.iprharbor.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * With production's webhook rules (https to public addresses only), the API refuses every internal target an
 * integrator might register, naming the url field; nothing is stored.
 */
@QuarkusTest
@TestProfile(WebhookSsrfTest.ProductionWebhookRules.class)
class WebhookSsrfTest {

    /** The test profile's permission for loopback webhooks switched off, as in production. */
    public static class ProductionWebhookRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("harbor.notifications.webhooks.allow-private-targets", "false");
        }
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.216.34/hook", "https://127.0.0.1/hook", "https://localhost/hook",
            "https://[::1]/hook", "https://[::ffff:127.0.0.1]/hook", "https://[::127.0.0.1]/hook", "https://2130706433/hook",
            "https://0177.0.0.1/hook", "https://0x7f000001/hook", "https://10.0.0.1/hook", "https://172.31.255.255/hook",
            "https://192.168.0.1/hook", "https://169.254.169.254/latest/meta-data/iam/", "https://[fe80::1]/hook",
            "https://[fd12:3456::1]/hook", "https://100.64.0.1/hook", "https://0.0.0.0/hook", "https://[64:ff9b::a9fe:a9fe]/hook",
            "https://93.184.216.34@127.0.0.1/hook", "file:///etc/passwd", "gopher://127.0.0.1:6379/_FLUSHALL"})
    void shouldRefuseAnInternalWebhookTarget(String url) {
        given().auth().oauth2(TestTokens.integrator()).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of("org.iprharbor.deal.*")))
                .when().post("/subscriptions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"))
                .body("errors[0].message", not(emptyOrNullString()));
        given().auth().oauth2(TestTokens.integrator()).when().get("/subscriptions")
                .then().statusCode(200).body("findAll { it.url == '" + url + "' }.size()", equalTo(0));
    }
}
