package org.iprharbor.testing;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.restassured.RestAssured;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * Nobody gets in without a genuine token: missing, expired, not-yet-valid, wrong issuer or audience, unsigned
 * ({@code alg: none}), signed with an unknown key, algorithm-confused or tampered tokens all get 401 problem+json
 * with a Bearer challenge on a protected endpoint of the service. Each service runs it with
 * {@code @QuarkusTest class AuthenticationTest extends AuthenticationContract}, naming one protected GET path.
 */
public abstract class AuthenticationContract {

    private static final UUID PARTNER = UUID.fromString("00000000-0000-0000-0000-00000000c0de");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** A GET endpoint a partner's token may call (any answer but 401/403 proves it was let in). */
    protected abstract String protectedPath();

    private static double tokensParsed(String cache) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("^harbor_tokens_parsed_total\\{[^}]*cache=\"" + cache + "\"[^}]*} (\\S+)$",
                Pattern.MULTILINE).matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    static Stream<Arguments> forgeries() {
        return ForgedTokens.all(PARTNER).entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void shouldRefuseAForgedToken(String forgery, Supplier<String> token) {
        given().header("Authorization", "Bearer " + token.get())
                .when().get(protectedPath())
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("type", equalTo("https://iprharbor.org/problems/unauthenticated"))
                .body(not(containsString("Exception")));
    }

    @Test
    void shouldRefuseARequestWithoutToken() {
        given().when().get(protectedPath())
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void shouldRefuseAnotherAuthenticationScheme() {
        given().auth().preemptive().basic("admin", "admin").when().get(protectedPath())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldCheckAGenuineTokenOnceForManyRequests() {
        String token = TestTokens.mint(UUID.randomUUID(), "partner");
        double missesBefore = tokensParsed("miss");
        double hitsBefore = tokensParsed("hit");
        for (int request = 0; request < 3; request++) {
            given().auth().oauth2(token).when().get(protectedPath()).then().statusCode(lessThan(400));
        }
        assertThat(tokensParsed("miss") - missesBefore).as("full signature and claims checks").isEqualTo(1);
        assertThat(tokensParsed("hit") - hitsBefore).as("requests served from the verified-token cache").isEqualTo(2);
    }

    @Test
    void shouldLetTheGenuineTokenIn() {
        given().auth().oauth2(TestTokens.partner(PARTNER)).when().get(protectedPath())
                .then().statusCode(lessThan(400));
    }
}
