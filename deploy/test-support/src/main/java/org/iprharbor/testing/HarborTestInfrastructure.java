package org.iprharbor.testing;

import java.nio.file.Files;
import java.util.Map;

import org.iprharbor.infra.DemoKeys;
import org.iprharbor.infra.HarborTopics;
import org.iprharbor.infra.PostgresServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real Kafka broker and a real PostgreSQL for a service's {@code @QuarkusTest}s and hands the
 * service their addresses and the test JWT key. Use with
 * {@code @QuarkusTestResource(value = HarborTestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "deal"))}.
 * <p>
 * The components are started once per test JVM and shared by every test class (Quarkus restarts the
 * application between test profiles, not the infrastructure); they stop when the JVM exits.
 */
public class HarborTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    /** Partitions per topic, as in the deploy configs, so tests see multi-partition behaviour. */
    static final int PARTITIONS = 6;

    private static Running running;
    private String database = "harbor";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Running infra = running();
        infra.postgres.createDatabase(database);
        return Map.of(
                "kafka.bootstrap.servers", infra.kafka.bootstrapServers(),
                "quarkus.datasource.jdbc.url", infra.postgres.jdbcUrl(database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD,
                "mp.jwt.verify.publickey.location", infra.keys.publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", DemoKeys.ISSUER);
    }

    @Override
    public void stop() {
        // Shared by every test class in this JVM: stopped by the shutdown hook, not per class.
    }

    /** The running infrastructure, started on first use. */
    static synchronized Running running() {
        if (running == null) {
            running = Running.start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "harbor-test-infrastructure-stop"));
        }
        return running;
    }

    record Running(EmbeddedKafka kafka, PostgresServer postgres, DemoKeys keys) {

        static Running start() {
            PostgresServer postgres = null;
            try {
                postgres = PostgresServer.startTemporary();
                DemoKeys keys = DemoKeys.loadOrCreate(Files.createTempDirectory("harbor-test-keys"));
                EmbeddedKafka kafka = EmbeddedKafka.start(PARTITIONS);
                try {
                    HarborTopics.createMissing(kafka.bootstrapServers(), PARTITIONS);
                } catch (RuntimeException e) {
                    kafka.close(); // Kafka's threads are not daemons: a half-started broker would hang the JVM
                    throw e;
                }
                return new Running(kafka, postgres, keys);
            } catch (Exception e) {
                closeQuietly(postgres);
                throw new IllegalStateException("cannot start the test infrastructure: " + e.getMessage(), e);
            }
        }

        private static void closeQuietly(AutoCloseable closeable) {
            if (closeable == null) {
                return;
            }
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("could not stop " + closeable + ": " + e);
            }
        }

        void close() {
            closeQuietly(kafka);
            closeQuietly(postgres);
        }
    }
}
