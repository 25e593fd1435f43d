package org.iprharbor.notification.delivery;

import java.time.Duration;

/**
 * What one attempt at a delivery came to.
 *
 * @param statusCode the HTTP status (webhooks), or null when no answer came
 * @param retryAfter what the endpoint asked for with Retry-After, or null
 */
public record Outcome(boolean delivered, Integer statusCode, Duration retryAfter, String error, long latencyMs) {

    /** 410 Gone: the receiver wants no more deliveries; the endpoint is disabled at once. */
    public boolean gone() {
        return statusCode != null && statusCode == 410;
    }
}
