package org.iprharbor.kit.events;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Closes the {@link ConsumerGate} as soon as a stop begins, while the database is still open (ShutdownEvent comes
 * before Hibernate ORM shuts down; the Kafka connector only closes after it).
 */
@ApplicationScoped
public class ConsumerShutdown {

    /** An event takes well under a second to apply; a database retry in flight may take longer and is cut short. */
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private final ConsumerGate gate;

    ConsumerShutdown(ConsumerGate gate) {
        this.gate = gate;
    }

    void open(@Observes StartupEvent startup) {
        gate.open();
    }

    void close(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent shutdown) throws InterruptedException {
        gate.closeAndDrain(DRAIN);
    }
}
