package org.iprharbor.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows the outbox backlog in the readiness details. It stays UP while Kafka is away: the service keeps
 * accepting commands and the outbox buffers them, which is the point; the backlog tells the operator it is so.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final OutboxRelay relay;

    OutboxHealthCheck(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Outbox")
                .withData("pending", relay.pending())
                .withData("oldestAgeSeconds", relay.oldestAgeSeconds())
                .up()
                .build();
    }
}
