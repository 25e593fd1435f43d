package org.iprharbor.catalog.security;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.iprharbor.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * A partner that bursts past its budget gets 429 problem+json with Retry-After, while another partner, the
 * health checks and the metrics are unaffected. Limits are lowered for this test only.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    private static final int CAPACITY = 5;

    /** Five requests in a burst, then one every ten seconds: the test sends its burst well within that. */
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("harbor.rate-limit.capacity", Integer.toString(CAPACITY), "harbor.rate-limit.refill-per-second", "0.1");
        }
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldRefuseABurstingPartnerWithRetryAfterWhileOthersCarryOn() {
        String bursting = TestTokens.partner(UUID.randomUUID());
        String other = TestTokens.partner(UUID.randomUUID());
        for (int i = 0; i < CAPACITY; i++) {
            given().auth().oauth2(bursting).get("/patents?limit=1").then().statusCode(200);
        }

        given().auth().oauth2(bursting).get("/patents?limit=1")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("RateLimit-Limit", equalTo(Integer.toString(CAPACITY)))
                .header("RateLimit-Remaining", equalTo("0"))
                .body("type", equalTo("https://iprharbor.org/problems/rate-limited"))
                .body("detail", containsString("retry after"));

        given().auth().oauth2(other).get("/patents?limit=1").then().statusCode(200);
        for (int i = 0; i < 2 * CAPACITY; i++) {
            given().get("/q/health/ready").then().statusCode(200);
        }
        given().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*harbor_rate_limited_total\\{caller=\"authenticated\"[^}]*\\} [1-9].*"));
    }

    @Test
    void shouldLimitAnonymousAndForgedRequestsByAddressSoTokensCannotBeGuessedQuickly() {
        int refusedWith401 = 0;
        int status = 401;
        while (status == 401 && refusedWith401 <= CAPACITY) {
            status = given().header("Authorization", "Bearer guess-" + refusedWith401).get("/patents").statusCode();
            refusedWith401 += status == 401 ? 1 : 0;
        }
        assertThat(status).isEqualTo(429);
        assertThat(refusedWith401).isLessThanOrEqualTo(CAPACITY);
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).get("/patents?limit=1").then().statusCode(200);
    }
}
