package org.iprharbor.bench.stack;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Webhook subscriptions on notification-service, created for a receiver and removed afterwards so that later
 * benchmarks do not pay for them.
 */
public final class Subscriptions {

    private final BenchStack stack;
    private final Http http;
    private final String token;

    public Subscriptions(BenchStack stack, Http http) {
        this.stack = stack;
        this.http = http;
        this.token = stack.integratorToken();
    }

    /** Subscribes the receiver to the event types and hands it the secret; returns the subscription's id. */
    public String subscribe(WebhookReceiver receiver, List<String> eventTypes) throws Exception {
        JsonNode created = http.call(Http.postJson(stack.url("notification-service", "/subscriptions"), token,
                Map.of("url", receiver.url(), "eventTypes", eventTypes)).build());
        receiver.secret(created.path("secret").asText());
        return created.path("id").asText();
    }

    public void delete(String id) throws Exception {
        http.call(Http.request(stack.url("notification-service", "/subscriptions/" + id), token).DELETE().build());
    }
}
