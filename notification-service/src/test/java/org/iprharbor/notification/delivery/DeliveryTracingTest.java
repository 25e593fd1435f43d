package org.iprharbor.notification.delivery;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.iprharbor.notification.support.CatalogAndDeals;
import org.iprharbor.notification.support.Integrators;
import org.iprharbor.notification.support.MailServer;
import org.iprharbor.notification.support.WebhookReceiver;
import org.iprharbor.testing.KafkaProbe;
import org.iprharbor.testing.TestTokens;
import org.iprharbor.testing.contracts.EventFixtures;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With tracing on, a deal event that arrives in a trace is told in that trace: notification-service applies it in a
 * child span of the publisher's, each delivery (webhook and email) is a child of that, the webhook request carries the
 * delivery span as {@code traceparent}, the delivery's outcome event is published in the same trace, and the ops
 * timeline links the event to the trace viewer. Scheduled jobs make no spans of their own.
 */
@QuarkusTest
@TestProfile(DeliveryTracingTest.Traced.class)
class DeliveryTracingTest {

    /** Tracing switched on (tests run untraced otherwise), spans exported at once, a trace viewer's URL known. */
    public static class Traced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.bsp.schedule.delay", "50ms",
                    "harbor.ops.trace-url", "http://viewer.example/zipkin/traces/{traceId}");
        }
    }

    @Inject
    InMemorySpanExporter exported;

    @Test
    void shouldTellADealEventInTheTraceItArrivedIn() throws Exception {
        String buyerEmail = "tto-" + UUID.randomUUID() + "@satbayev.kz.example";
        String sellerEmail = "kjc-" + UUID.randomUUID() + "@lzu.cn.example";
        UUID buyer = CatalogAndDeals.partner("Satbayev University", "KZ", List.of("ru"), "Asia/Almaty", buyerEmail);
        UUID seller = CatalogAndDeals.partner("Lanzhou University", "CN", List.of("zh"), "Asia/Shanghai", sellerEmail);
        String traceId = hex(16);
        String publisherSpan = hex(8);
        UUID deal = UUID.randomUUID();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Integrators.subscribe(UUID.randomUUID(), receiver.url(), List.of("org.iprharbor.deal.deal-opened.v1"));

            UUID eventId = publishDealOpened(deal, buyer, seller, "00-" + traceId + "-" + publisherSpan + "-01");

            WebhookReceiver.Received webhook = await().atMost(CatalogAndDeals.WAIT).until(
                    () -> receiver.received().stream().filter(request -> request.body().contains(deal.toString())).findFirst(),
                    Optional::isPresent).orElseThrow();
            SpanData process = await().atMost(CatalogAndDeals.WAIT).until(() -> span("process harbor.deals.v1", deal), Objects::nonNull);
            assertThat(process.getTraceId()).isEqualTo(traceId);
            assertThat(process.getParentSpanId()).isEqualTo(publisherSpan);
            assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);

            SpanData webhookSpan = await().atMost(CatalogAndDeals.WAIT).until(() -> delivery("deliver webhook", eventId),
                    Objects::nonNull);
            assertThat(webhookSpan.getTraceId()).isEqualTo(traceId);
            assertThat(webhookSpan.getParentSpanId()).isEqualTo(process.getSpanId());
            assertThat(webhook.header("traceparent")).isEqualTo("00-" + traceId + "-" + webhookSpan.getSpanId() + "-01");

            await().atMost(CatalogAndDeals.WAIT).until(() -> !MailServer.to(buyerEmail).isEmpty() && !MailServer.to(sellerEmail).isEmpty());
            SpanData emailSpan = await().atMost(CatalogAndDeals.WAIT).until(() -> delivery("deliver email", eventId),
                    Objects::nonNull);
            assertThat(emailSpan.getTraceId()).isEqualTo(traceId);
            assertThat(emailSpan.getParentSpanId()).isEqualTo(process.getSpanId());

            List<ConsumerRecord<String, String>> outcomes = await().atMost(CatalogAndDeals.WAIT).until(
                    () -> KafkaProbe.readAll(CatalogAndDeals.WAIT, "harbor.notifications.v1").stream()
                            .filter(record -> record.value().contains(eventId.toString())).toList(),
                    records -> records.size() >= 3);
            assertThat(outcomes).as("each delivery's outcome is published in the event's trace")
                    .allMatch(record -> KafkaProbe.header(record, "ce_traceparent").contains(traceId));

            assertThat(exported.getFinishedSpanItems()).extracting(SpanData::getName)
                    .as("requests, events and deliveries only: scheduled jobs (the match digest runs every second) are not traced")
                    .allMatch(name -> name.matches("(process|publish) harbor\\..*|deliver (email|webhook)|(GET|POST|PUT|DELETE) /.*"));

            JsonPath timeline = given().auth().oauth2(TestTokens.operator()).when().get("/ops/api/deals/" + deal + "/timeline")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(timeline.getString("[0].traceId")).isEqualTo(traceId);
            assertThat(timeline.getString("[0].traceUrl")).isEqualTo("http://viewer.example/zipkin/traces/" + traceId);
        }
    }

    private UUID publishDealOpened(UUID deal, UUID buyer, UUID seller, String traceparent) {
        UUID eventId = UUID.randomUUID();
        String payload = EventFixtures.load("notification-service", "org.iprharbor.deal.deal-opened.v1")
                .set("dealId", deal).set("patentId", UUID.randomUUID()).set("buyerId", buyer).set("sellerId", seller)
                .set("buyerCountry", "KZ").set("sellerCountry", "CN").set("version", 0).json();
        KafkaProbe.publish("harbor.deals.v1", deal.toString(), Map.of(
                "ce_specversion", "1.0", "ce_id", eventId.toString(), "ce_source", "/harbor/deal-service",
                "ce_type", "org.iprharbor.deal.deal-opened.v1", "ce_subject", deal.toString(), "ce_time", Instant.now().toString(),
                "ce_sequence", "0", "content-type", "application/json", "ce_traceparent", traceparent), payload);
        return eventId;
    }

    private SpanData span(String name, UUID subject) {
        return exported.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name))
                .filter(span -> subject.toString().equals(span.getAttributes().get(
                        AttributeKey.stringKey("cloudevents.event_subject"))))
                .findFirst().orElse(null);
    }

    private SpanData delivery(String name, UUID eventId) {
        return exported.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name))
                .filter(span -> eventId.toString().equals(span.getAttributes().get(
                        AttributeKey.stringKey("cloudevents.event_id"))))
                .findFirst().orElse(null);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
