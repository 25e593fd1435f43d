package org.iprharbor.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.iprharbor.infra.PostgresServer;

/**
 * Breaks a running local stack on purpose, for the reliability scenarios: kill -9, SIGSTOP/SIGCONT and
 * restart of a service or the broker (optionally with settings of its own, such as a clock run ahead), an
 * immediate-mode PostgreSQL restart, and a second instance of a service on another port (to force consumer
 * rebalances, or to have two instances compete for the same work).
 */
public final class StackFaults {

    private static final Duration POSTGRES_TIMEOUT = Duration.ofSeconds(60);

    private final LocalStack stack;

    StackFaults(LocalStack stack) {
        this.stack = stack;
    }

    /** The name of a service's second instance (its log and pid files). */
    public static String secondInstance(String service) {
        return service + "-2";
    }

    public ManagedProcess service(String instance) {
        return stack.serviceProcess(instance);
    }

    public void killService(String instance) {
        stack.serviceProcess(instance).kill();
    }

    /** Starts the service (first instance) again on its own port and waits until it is ready. */
    public void restartService(String service) throws IOException, InterruptedException {
        restartService(service, Map.of());
    }

    /**
     * The same with {@code environment} added to the stack's settings, e.g. {@code HARBOR_DEALS_CLOCK_OFFSET} to run
     * deal-service's deadline clock ahead; the next plain restart drops it again.
     */
    public void restartService(String service, Map<String, String> environment) throws IOException, InterruptedException {
        StackConfig.ServiceSpec spec = spec(service);
        ManagedProcess process = ServiceLauncher.start(stack.config(), spec, service, stack.postgres(),
                stack.keys().publicKeyFile(), environment);
        stack.track(service, process);
        ServiceLauncher.awaitReady(spec, process);
    }

    /** A second instance of the service on {@code port}: same database, same consumer groups. */
    public void startSecondInstance(String service, int port) throws IOException, InterruptedException {
        startSecondInstance(service, port, Map.of());
    }

    /** The same with {@code environment} added to the stack's settings. */
    public void startSecondInstance(String service, int port, Map<String, String> environment)
            throws IOException, InterruptedException {
        StackConfig.ServiceSpec spec = new StackConfig.ServiceSpec(service, spec(service).database(), port);
        ManagedProcess process = ServiceLauncher.start(stack.config(), spec, secondInstance(service), stack.postgres(),
                stack.keys().publicKeyFile(), environment);
        stack.track(secondInstance(service), process);
        ServiceLauncher.awaitReady(spec, process);
    }

    /** Stops the second instance gracefully (it leaves its consumer groups: a rebalance). */
    public void stopSecondInstance(String service) {
        String instance = secondInstance(service);
        stack.serviceProcess(instance).stop(20);
        stack.untrack(instance);
    }

    public ManagedProcess kafka() {
        return stack.kafkaProcess();
    }

    /** Starts the broker again on the same log directory (after a kill). */
    public void restartKafka() throws IOException, InterruptedException {
        stack.replaceKafka(KafkaBroker.start(stack.config()));
    }

    /**
     * PostgreSQL's immediate shutdown (SIGQUIT to the postmaster: no checkpoint, every connection cut, crash
     * recovery at the next start), then the same server command again; returns once it accepts connections.
     */
    public void restartPostgresImmediately() throws IOException, InterruptedException {
        Path data = stack.config().home().resolve("postgres");
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no postmaster " + pid));
        List<String> command = commandLine(pid);
        new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start().waitFor();
        postmaster.onExit().orTimeout(POSTGRES_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        Path log = stack.config().logs().resolve("postgres-restarted.log");
        new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitPostgres(stack.postgres());
    }

    /**
     * The postmaster's own command line; as root, behind {@code unshare -U} as zonky starts it (PostgreSQL refuses
     * to run as root, and in a new user namespace it runs as the overflow user instead).
     */
    private static List<String> commandLine(long pid) throws IOException {
        byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0")));
        return command;
    }

    private static void awaitPostgres(PostgresServer postgres) throws InterruptedException {
        Instant deadline = Instant.now().plus(POSTGRES_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), PostgresServer.USER,
                    PostgresServer.PASSWORD)) {
                if (connection.isValid(2)) {
                    return;
                }
            } catch (SQLException starting) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("PostgreSQL did not come back within " + POSTGRES_TIMEOUT.toSeconds() + " s");
    }

    private StackConfig.ServiceSpec spec(String service) {
        return stack.config().services().stream().filter(spec -> spec.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service " + service));
    }
}
