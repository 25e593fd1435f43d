package org.iprharbor.bench.stack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import org.iprharbor.infra.PostgresServer;
import org.iprharbor.stack.LocalStack;
import org.iprharbor.stack.StackConfig;

/**
 * The local stack the suite runs against (started fresh, in its own home and on its own ports), with what
 * the benchmarks need from it: service URLs, database connections, tokens and process ids.
 */
public final class BenchStack implements AutoCloseable {

    private static final Duration TOKEN_LIFETIME = Duration.ofHours(6);
    public static final String OPERATOR_ID = "00000000-0000-0000-0000-0000000000a1";
    public static final String INTEGRATOR_ID = "00000000-0000-0000-0000-0000000000b1";

    private final LocalStack stack;
    private final double startSeconds;
    private final double restartSeconds;

    private BenchStack(LocalStack stack, double startSeconds, double restartSeconds) {
        this.stack = stack;
        this.startSeconds = startSeconds;
        this.restartSeconds = restartSeconds;
    }

    /** Starts the stack on fresh data, stops it and starts it again on the same data, timing both starts. */
    public static BenchStack start() throws Exception {
        StackConfig config = StackConfig.fromEnvironment();
        long began = System.nanoTime();
        LocalStack.start(config).close();
        double startSeconds = (System.nanoTime() - began) / 1e9;
        began = System.nanoTime();
        LocalStack restarted = LocalStack.start(config);
        return new BenchStack(restarted, startSeconds, (System.nanoTime() - began) / 1e9);
    }

    public StackConfig config() {
        return stack.config();
    }

    public LocalStack localStack() {
        return stack;
    }

    /** Seconds from the launcher's start to a seeded, ready stack, on fresh data. */
    public double startSeconds() {
        return startSeconds;
    }

    /** The same, started again on the data of the first start (the stack the benchmarks then use). */
    public double restartSeconds() {
        return restartSeconds;
    }

    public URI url(String service, String path) {
        return URI.create(config().services().stream().filter(spec -> spec.name().equals(service)).findFirst()
                .orElseThrow().baseUrl() + path);
    }

    public Connection database(String name) throws SQLException {
        return DriverManager.getConnection(stack.postgres().jdbcUrl(name), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    public String jdbcUrl(String name) {
        return stack.postgres().jdbcUrl(name);
    }

    public int postgresPort() {
        return stack.postgres().port();
    }

    public String partnerToken(String partnerId) {
        return stack.keys().token(partnerId, "partner", TOKEN_LIFETIME);
    }

    public String integratorToken() {
        return stack.keys().token(INTEGRATOR_ID, "integrator", TOKEN_LIFETIME);
    }

    public String operatorToken() {
        return stack.keys().token(OPERATOR_ID, "operator", TOKEN_LIFETIME);
    }

    /** The process of a service or of the broker, from the launcher's pid file. */
    public Optional<ProcessHandle> process(String name) {
        return pidIn(config().pids().resolve(name + ".pid"));
    }

    /** The PostgreSQL postmaster (its backends are its children). */
    public Optional<ProcessHandle> postgresProcess() {
        return pidIn(config().home().resolve("postgres").resolve("postmaster.pid"));
    }

    private static Optional<ProcessHandle> pidIn(Path file) {
        try {
            String first = Files.readAllLines(file).get(0).trim();
            return ProcessHandle.of(Long.parseLong(first));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        stack.close();
    }
}
