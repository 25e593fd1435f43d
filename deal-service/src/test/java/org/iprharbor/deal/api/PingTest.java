package org.iprharbor.deal.api;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;

/**
 * The benchmark's no-op endpoint answers 204 with no body and needs no token.
 */
@QuarkusTest
class PingTest {

    @Test
    void shouldAnswer204WithoutATokenOrABody() {
        given().when().get("/ping").then().statusCode(204).body(emptyString());
    }
}
