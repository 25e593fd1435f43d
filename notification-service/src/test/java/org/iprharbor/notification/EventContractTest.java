package org.iprharbor.notification;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.iprharbor.notification.support.CatalogAndDeals;
import org.iprharbor.notification.support.WebhookReceiver;
import org.iprharbor.notification.support.WebhookReceiver.Answer;
import org.iprharbor.testing.TestTokens;
import org.iprharbor.testing.contracts.ProducerContract;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * notification-service keeps its published contract, docs/asyncapi/notification-service/asyncapi.yaml: every delivery
 * outcome its tests caused matches it, and it publishes every type it documents.
 */
@QuarkusTest
class EventContractTest extends ProducerContract {

    @Override
    protected String producer() {
        return "notification-service";
    }

    /** One webhook endpoint that takes the event (delivered) and one that is gone (failed, endpoint disabled). */
    @Override
    protected void produceEveryDocumentedType() {
        try (WebhookReceiver healthy = WebhookReceiver.start(); WebhookReceiver gone = WebhookReceiver.start().answering(Answer.of(410))) {
            UUID integrator = UUID.randomUUID();
            subscribe(integrator, healthy.url());
            String goneId = subscribe(integrator, gone.url());
            UUID deal = UUID.randomUUID();
            CatalogAndDeals.dealEvent(UUID.randomUUID(), "deal-opened", deal, UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID(), "KZ", "CN", 0);

            await().atMost(CatalogAndDeals.WAIT).until(() -> healthy.received().stream()
                    .anyMatch(request -> request.body().contains(deal.toString())));
            await().atMost(CatalogAndDeals.WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.mint(integrator, "integrator"))
                    .when().get("/subscriptions/" + goneId).then().statusCode(200).body("enabled", equalTo(false)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a webhook receiver", e);
        }
    }

    private static String subscribe(UUID integrator, String url) {
        return given().auth().oauth2(TestTokens.mint(integrator, "integrator")).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of("org.iprharbor.deal.deal-opened.v1")))
                .when().post("/subscriptions")
                .then().statusCode(201).extract().path("id");
    }
}
