package org.iprharbor.notification.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.iprharbor.notification.support.CatalogAndDeals;
import org.iprharbor.notification.support.WebhookReceiver;
import org.iprharbor.notification.support.WebhookReceiver.Answer;
import org.iprharbor.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A webhook endpoint that answers with a redirect (here to another server on loopback, standing in for an internal
 * address) is not followed: the attempt counts as failed with the 302, and the redirect target never hears a thing.
 */
@QuarkusTest
class WebhookRedirectTest {

    @Test
    void shouldNotFollowARedirectAndCountTheAttemptAsFailed() throws Exception {
        try (WebhookReceiver internal = WebhookReceiver.start(); WebhookReceiver redirecting = WebhookReceiver.start()) {
            Answer redirect = new Answer(302, Map.of("Location", internal.url()), 0);
            redirecting.answering(redirect, redirect, redirect, redirect, redirect, redirect, redirect, redirect);
            String integrator = TestTokens.mint(UUID.randomUUID(), "integrator");
            String subscription = given().auth().oauth2(integrator).contentType(ContentType.JSON)
                    .body(Map.of("url", redirecting.url(), "eventTypes", List.of("org.iprharbor.deal.deal-opened.v1")))
                    .when().post("/subscriptions").then().statusCode(201).extract().path("id");

            UUID deal = UUID.randomUUID();
            UUID event = CatalogAndDeals.dealEvent(UUID.randomUUID(), "deal-opened", deal, UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID(), "KZ", "CN", 0);
            // other tests' deal events may reach this subscription too: look at this event's delivery only
            String ofThisEvent = "find { it.eventId == '" + event + "' }.";

            await().atMost(CatalogAndDeals.WAIT)
                    .until(() -> deliveries(integrator, subscription).get(ofThisEvent + "history[0].statusCode") != null);
            JsonPath deliveries = deliveries(integrator, subscription);
            assertThat(deliveries.getInt(ofThisEvent + "history[0].statusCode")).isEqualTo(302);
            assertThat(deliveries.getString(ofThisEvent + "status")).isNotEqualTo("DELIVERED");
            assertThat(deliveries.getString(ofThisEvent + "lastError")).contains("302");
            assertThat(redirecting.received()).anyMatch(request -> request.body().contains(deal.toString()));
            assertThat(internal.received()).noneMatch(request -> request.body().contains(deal.toString()));
        }
    }

    private static JsonPath deliveries(String integrator, String subscription) {
        return given().auth().oauth2(integrator).when().get("/subscriptions/" + subscription + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
    }
}
