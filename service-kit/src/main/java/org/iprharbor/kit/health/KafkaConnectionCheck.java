package org.iprharbor.kit.health;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether the broker answers, within a second or two. It replaces Quarkus' own Kafka check, which waits for the
 * admin client's default API timeout (a minute) when the broker is gone, so readiness stopped answering at all
 * (found by the fault suite's kafka-kill-9 scenario). Like the outbox check it stays UP and says "degraded": the
 * service keeps accepting commands while the outbox buffers their events, which is the point of the outbox.
 */
@Readiness
@ApplicationScoped
public class KafkaConnectionCheck implements HealthCheck {

    static final String NAME = "Kafka connection health check";
    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    private final Admin admin;

    /** Asks the messaging connector's broker(s), or {@code harbor.health.kafka-bootstrap-servers} where set. */
    KafkaConnectionCheck(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "harbor.health.kafka-bootstrap-servers") Optional<String> override) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, override.orElse(bootstrapServers),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.CLIENT_ID_CONFIG, "harbor-readiness"));
    }

    @Override
    public HealthCheckResponse call() {
        try {
            String nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .nodes().get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS).stream()
                    .map(node -> node.host() + ":" + node.port()).collect(Collectors.joining(","));
            return HealthCheckResponse.named(NAME).withData("nodes", nodes).up().build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return degraded("interrupted");
        } catch (Exception unreachable) {
            return degraded(unreachable.getClass().getSimpleName());
        }
    }

    private static HealthCheckResponse degraded(String reason) {
        return HealthCheckResponse.named(NAME)
                .withData("degraded", "broker unreachable (" + reason + "); commands are accepted and their events wait in the outbox")
                .up().build();
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
