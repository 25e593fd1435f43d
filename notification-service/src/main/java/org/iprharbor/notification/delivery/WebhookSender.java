package org.iprharbor.notification.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.net.ssl.SSLException;

import jakarta.enterprise.context.ApplicationScoped;

import org.iprharbor.kit.tracing.TraceParent;
import org.iprharbor.notification.config.NotificationConfig;
import org.iprharbor.notification.domain.Delivery;
import org.iprharbor.notification.domain.WebhookSubscription;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The webhook channel: POSTs a CloudEvent to the subscription's endpoint, signed per Standard Webhooks with its
 * current secrets; follows no redirect and waits no longer than the configured timeout, so one bad endpoint costs
 * little. The request carries the delivery's trace as {@code traceparent} (W3C Trace Context), so an integrator who
 * traces can join the platform's trace.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    private final HttpClient http;
    private final Duration timeout;
    private final WebhookTargets targets;
    private final WebhookEndpointHealth endpoints;

    WebhookSender(NotificationConfig config, WebhookTargets targets, WebhookEndpointHealth endpoints) {
        this.timeout = config.webhooks().timeout();
        this.targets = targets;
        this.endpoints = endpoints;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
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
        String refusal = targets.refusal(delivery.address);
        if (refusal != null) {
            return new Outcome(false, null, null, "refused: the URL " + refusal, 0);
        }
        long timestamp = Instant.now().getEpochSecond();
        String messageId = delivery.eventId.toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.address))
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", "IPR-Harbor-Webhooks/1.0")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.signature(secrets, messageId, timestamp, delivery.body))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body));
        TraceParent trace = TraceParent.current();
        if (trace != null) {
            request.header("traceparent", trace.traceparent());
            if (trace.tracestate() != null) {
                request.header("tracestate", trace.tracestate());
            }
        }
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            long latency = (System.nanoTime() - start) / 1_000_000;
            int status = response.statusCode();
            boolean delivered = status >= 200 && status < 300;
            Duration retryAfter = response.headers().firstValue("retry-after").map(WebhookSender::parseRetryAfter).orElse(null);
            return new Outcome(delivered, status, retryAfter, delivered ? null : "HTTP " + status, latency);
        } catch (IOException e) {
            return new Outcome(false, null, null, describe(e), (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, null, "interrupted", (System.nanoTime() - start) / 1_000_000);
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
