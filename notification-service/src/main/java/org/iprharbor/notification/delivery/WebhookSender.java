package org.iprharbor.notification.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLException;

import jakarta.enterprise.context.ApplicationScoped;

import org.iprharbor.kit.tracing.TraceParent;
import org.iprharbor.notification.domain.Delivery;
import org.iprharbor.notification.domain.WebhookSubscription;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The webhook channel: POSTs the CloudEvent in structured mode ({@code application/cloudevents+json}, the whole event
 * as the body) to the subscription's endpoint, signed per Standard Webhooks with its current secrets, at the address
 * the SSRF check has just vetted; follows no redirect and waits no longer than the configured timeout, so one bad
 * endpoint costs little.
 * The request carries the delivery's trace as {@code traceparent} (W3C Trace Context), so an integrator who traces
 * can join the platform's trace.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    /** The CloudEvents HTTP binding's structured mode: the body is the event, attributes and data together. */
    static final String STRUCTURED_CLOUD_EVENT = "application/cloudevents+json; charset=utf-8";

    private final WebhookHttp http;
    private final WebhookTargets targets;
    private final WebhookEndpointHealth endpoints;

    WebhookSender(WebhookHttp http, WebhookTargets targets, WebhookEndpointHealth endpoints) {
        this.http = http;
        this.targets = targets;
        this.endpoints = endpoints;
    }

    @Override
    public Delivery.Channel channel() {
        return Delivery.Channel.WEBHOOK;
    }

    @Override
    public Outcome send(Delivery delivery) {
        List<String> secrets = QuarkusTransaction.requiringNew().call(() -> {
            WebhookSubscription endpoint = WebhookSubscription.findById(delivery.targetId);
            return endpoint == null ? List.<String>of() : endpoint.signingSecrets(Instant.now());
        });
        if (secrets.isEmpty()) {
            return new Outcome(false, 410, null, "the subscription was deleted", 0);
        }
        return post(delivery, secrets);
    }

    @Override
    public void attempted(Delivery delivery, Outcome outcome, Instant at) {
        endpoints.attempted(delivery.targetId, outcome, at);
    }

    private Outcome post(Delivery delivery, List<String> secrets) {
        WebhookTargets.Vetted target = targets.vet(delivery.address);
        if (target.refusal() != null) {
            return new Outcome(false, null, null, "refused: the URL " + target.refusal(), 0);
        }
        long timestamp = Instant.now().getEpochSecond();
        String messageId = delivery.eventId.toString();
        // the signature covers exactly the body sent: the same string, sent as UTF-8
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", STRUCTURED_CLOUD_EVENT);
        headers.put("user-agent", "IPR-Harbor-Webhooks/1.0");
        headers.put("webhook-id", messageId);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSigner.signature(secrets, messageId, timestamp, delivery.body));
        TraceParent trace = TraceParent.current();
        if (trace != null) {
            headers.put("traceparent", trace.traceparent());
            if (trace.tracestate() != null) {
                headers.put("tracestate", trace.tracestate());
            }
        }
        long start = System.nanoTime();
        try {
            WebhookHttp.Answer answer = http.post(target, headers, delivery.body);
            long latency = (System.nanoTime() - start) / 1_000_000;
            int status = answer.status();
            boolean delivered = status >= 200 && status < 300;
            Duration retryAfter = answer.retryAfter() == null ? null : parseRetryAfter(answer.retryAfter());
            return new Outcome(delivered, status, retryAfter, delivered ? null : "HTTP " + status, latency);
        } catch (IOException e) {
            return new Outcome(false, null, null, describe(e), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * What went wrong, in words for the endpoint's owner (who reads it in the delivery history and the disabled
     * reason), not the JDK's exception class names.
     */
    static String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "could not connect within the timeout";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within the timeout";
        }
        if (e instanceof ConnectException) {
            return "connection refused or unreachable";
        }
        if (e instanceof SSLException) {
            return "TLS handshake failed";
        }
        return "connection failed" + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** Retry-After as seconds or as an HTTP date. */
    static Duration parseRetryAfter(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                return Duration.between(Instant.now(), ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }
}
