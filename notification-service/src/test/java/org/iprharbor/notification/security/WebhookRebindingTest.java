package org.iprharbor.notification.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.iprharbor.notification.delivery.SystemHostResolver;
import org.iprharbor.notification.support.CatalogAndDeals;
import org.iprharbor.notification.support.WebhookReceiver;
import org.iprharbor.testing.TestTokens;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * DNS rebinding between the SSRF check and the connection: a name that answers one address when checked and another
 * right after. The webhook goes to the address the check vetted, never to the later answer, with one lookup per send
 * and the URL's host name in the Host header. Two real receivers listen on the same port of two loopback addresses
 * (the test profile allows loopback targets; {@code WebhookTargetsTest} shows the same hand-over under production's
 * rules, and {@code WebhookHttpTest} the TLS name).
 */
@QuarkusTest
class WebhookRebindingTest {

    private static final String HOST = "hooks.rebinding.test";

    @Test
    void shouldSendToTheAddressTheCheckVettedNotToALaterAnswer() throws Exception {
        try (WebhookReceiver vetted = WebhookReceiver.start("127.0.0.1", 0);
                WebhookReceiver rebound = WebhookReceiver.start("127.0.0.2", vetted.port())) {
            AtomicInteger lookups = new AtomicInteger();
            // the registration's check and the send's check see 127.0.0.1; every lookup after them, 127.0.0.2
            QuarkusMock.installMockForType(rebinding(lookups, 2), SystemHostResolver.class);
            String integrator = TestTokens.mint(UUID.randomUUID(), "integrator");
            String subscription = given().auth().oauth2(integrator).contentType(ContentType.JSON)
                    .body(Map.of("url", "http://" + HOST + ":" + vetted.port() + "/hooks/ipr-harbor",
                            "eventTypes", List.of("org.iprharbor.deal.deal-opened.v1")))
                    .when().post("/subscriptions").then().statusCode(201).extract().path("id");
            try {
                UUID first = deal();
                await().atMost(CatalogAndDeals.WAIT).until(() -> about(vetted, first) == 1);
                WebhookReceiver.Received request = vetted.received().stream()
                        .filter(received -> received.body().contains(first.toString())).findFirst().orElseThrow();
                assertThat(request.header("Host")).isEqualTo(HOST + ":" + vetted.port());
                assertThat(lookups).as("one lookup at registration, one per send").hasValue(2);
                assertThat(about(rebound, first)).isZero();

                // the next send's check sees the new answer: a real receiver is listening there
                UUID second = deal();
                await().atMost(CatalogAndDeals.WAIT).until(() -> about(rebound, second) == 1);
                assertThat(about(vetted, second)).isZero();
                assertThat(about(rebound, first)).isZero();
                assertThat(lookups).hasValue(3);
            } finally {
                given().auth().oauth2(integrator).when().delete("/subscriptions/" + subscription).then().statusCode(204);
            }
        }
    }

    /** Answers the webhook host with 127.0.0.1 for the first {@code vettedLookups} lookups, then 127.0.0.2. */
    private static SystemHostResolver rebinding(AtomicInteger lookups, int vettedLookups) {
        return new SystemHostResolver() {
            @Override
            public List<InetAddress> addressesOf(String host) throws UnknownHostException {
                if (!host.equals(HOST)) {
                    return super.addressesOf(host);
                }
                return List.of(address(lookups.incrementAndGet() <= vettedLookups ? "127.0.0.1" : "127.0.0.2"));
            }
        };
    }

    private static InetAddress address(String ip) throws UnknownHostException {
        return InetAddress.getByName(ip);
    }

    private static UUID deal() {
        UUID deal = UUID.randomUUID();
        CatalogAndDeals.dealEvent(UUID.randomUUID(), "deal-opened", deal, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "KZ", "CN", 0);
        return deal;
    }

    private static long about(WebhookReceiver receiver, UUID deal) {
        return receiver.received().stream().filter(request -> request.body().contains(deal.toString())).count();
    }
}
