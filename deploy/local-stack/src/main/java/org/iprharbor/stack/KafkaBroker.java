package org.iprharbor.stack;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft broker (combined broker and controller) as its own process, started from
 * {@code kafka.Kafka} on this launcher's classpath, on fixed ports, keeping its log directory across restarts.
 */
final class KafkaBroker {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private KafkaBroker() {
    }

    static ManagedProcess start(StackConfig config) throws IOException, InterruptedException {
        Path dir = config.home().resolve("kafka");
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path properties = dir.resolve("server.properties");
        Files.writeString(properties, serverProperties(config, data));
        if (!Files.exists(data.resolve("meta.properties"))) {
            format(config, properties);
        }
        ManagedProcess broker = ManagedProcess.startJava("kafka", List.of(
                "-Xms256m", "-Xmx512m", "-XX:+UseG1GC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp", System.getProperty("java.class.path"),
                "kafka.Kafka", properties.toString()), Map.of(), config);
        awaitReady(config, broker);
        return broker;
    }

    private static void format(StackConfig config, Path properties) throws IOException, InterruptedException {
        ManagedProcess formatter = ManagedProcess.startJava("kafka-format", List.of(
                "-cp", System.getProperty("java.class.path"),
                "kafka.tools.StorageTool", "format", "--ignore-formatted",
                "--cluster-id", Uuid.randomUuid().toString(),
                "--config", properties.toString()), Map.of(), config);
        if (!formatter.process().waitFor(60, TimeUnit.SECONDS) || formatter.process().exitValue() != 0) {
            formatter.stop(5);
            throw new IllegalStateException("formatting Kafka's log directory failed; see " + formatter.logFile());
        }
        formatter.stop(0);
    }

    private static void awaitReady(StackConfig config, ManagedProcess broker) throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        awaitListening(config.kafkaPort(), broker, deadline);
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin client = Admin.create(admin)) {
            while (Instant.now().isBefore(deadline)) {
                if (!broker.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited during start-up; see " + broker.logFile());
                }
                try {
                    if (!client.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    Thread.sleep(250);
                }
            }
        }
        throw notReady(broker);
    }

    /** Waits for the listener first, so the admin client does not log a warning per refused connection. */
    private static void awaitListening(int port, ManagedProcess broker, Instant deadline) throws InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            if (!broker.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited during start-up; see " + broker.logFile());
            }
            try (Socket socket = new Socket("localhost", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw notReady(broker);
    }

    private static IllegalStateException notReady(ManagedProcess broker) {
        return new IllegalStateException("the Kafka broker was not ready within " + READY_TIMEOUT.toSeconds() + " s; see "
                + broker.logFile());
    }

    private static String serverProperties(StackConfig config, Path data) {
        return """
                # Written by the local stack launcher at every start; edit StackConfig/KafkaBroker instead.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@localhost:%2$d
                listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                advertised.listeners=PLAINTEXT://localhost:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%3$s
                num.partitions=6
                auto.create.topics.enable=false
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                log.retention.hours=168
                """.formatted(config.kafkaPort(), config.kafkaControllerPort(), data.toString().replace('\\', '/'));
    }
}
