package org.iprharbor.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iprharbor.infra.DemoKeys;
import org.iprharbor.infra.HarborTopics;
import org.iprharbor.infra.PostgresServer;

/**
 * The whole platform on one machine, each part a real component in its own process: PostgreSQL (a database
 * per service), a KRaft Kafka broker, and the three services; with demo data and demo tokens.
 * {@code start} runs in the foreground until Ctrl-C; {@code stop} ends what a killed launcher left behind.
 */
public final class LocalStack implements AutoCloseable {

    /**
     * A system property of the launcher's JVM with JVM options for every service it starts, after
     * {@code HARBOR_SERVICE_JVM_OPTS}: how a tool that starts the stack in its own JVM (the benchmark harness) gives
     * the services settings of its own, say {@code -Dharbor.retention.every=10s}.
     */
    public static final String SERVICE_JVM_OPTIONS = "harbor.stack.service-jvm-options";
    static final String OPERATOR_ID = "00000000-0000-0000-0000-0000000000a1";
    static final String INTEGRATOR_ID = "00000000-0000-0000-0000-0000000000b1";
    private static final Duration DEMO_TOKEN_LIFETIME = Duration.ofDays(30);
    private static final int PARTITIONS = 6;

    private final StackConfig config;
    private final ProgressOutput progress;
    /** Running service processes by instance name (a service's name, or e.g. {@code deal-service-2}). */
    private final Map<String, ManagedProcess> services = new LinkedHashMap<>();
    private PostgresServer postgres;
    private ManagedProcess kafka;
    private MailServer mail;
    private DemoKeys keys;
    private Map<String, String> demoPartners = Map.of();
    private final Map<String, Double> readySeconds = new LinkedHashMap<>();
    private volatile boolean stopping;

    private LocalStack(StackConfig config, ProgressOutput progress) {
        this.config = config;
        this.progress = progress;
    }

    public static void main(String[] args) throws Exception {
        StackConfig config = StackConfig.fromEnvironment();
        String command = args.length == 0 ? "start" : args[0];
        switch (command) {
            case "start" -> runInForeground(config, true);
            case "infra" -> runInForeground(config, false);
            case "stop" -> System.out.println(stopLeftovers(config) ? "Stopped the local stack." : "Nothing was running.");
            default -> {
                System.err.println("usage: LocalStack [start|infra|stop]");
                System.exit(2);
            }
        }
    }

    /** The whole platform, or ({@code withServices} false) only what the services need, for developer mode. */
    private static void runInForeground(StackConfig config, boolean withServices) throws InterruptedException {
        ProgressOutput progress = new ProgressOutput(System.out);
        LocalStack stack = new LocalStack(config, progress);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
        try {
            if (withServices) {
                stack.startAll();
            } else {
                stack.startInfrastructure();
                progress.step("operator and integrator tokens", stack::writeTokens);
            }
        } catch (Exception e) {
            System.err.println();
            System.err.println("Local stack failed to start: " + e.getMessage());
            System.exit(1); // the shutdown hook stops whatever did start
        }
        if (withServices) {
            stack.printSummary();
        } else {
            stack.printInfrastructureSummary();
        }
        ManagedProcess exited = stack.awaitFirstExit();
        if (exited == null) {
            return; // Ctrl-C: the shutdown hook is stopping everything
        }
        System.err.printf("%n%s exited unexpectedly (code %d); see %s. Stopping the stack.%n", exited.name(),
                exited.process().exitValue(), exited.logFile());
        System.exit(1);
    }

    /** Starts the stack for a test or a tool; the caller closes it. */
    public static LocalStack start(StackConfig config) throws Exception {
        LocalStack stack = new LocalStack(config, new ProgressOutput(System.out));
        try {
            stack.startAll();
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        startInfrastructure();
        progress.step("services " + config.services().stream().map(StackConfig.ServiceSpec::name).toList(), () -> {
            double servicesLaunchedAt = progress.elapsedSeconds();
            for (StackConfig.ServiceSpec service : config.services()) {
                services.put(service.name(), ServiceLauncher.start(config, service, service.name(), postgres,
                        keys.publicKeyFile()));
            }
            for (StackConfig.ServiceSpec service : config.services()) {
                ServiceLauncher.awaitReady(service, services.get(service.name()));
                readySeconds.put(service.name(), progress.elapsedSeconds() - servicesLaunchedAt);
                progress.detail(service.name() + " ready at " + service.baseUrl()
                        + " (" + String.format("%.1f", progress.elapsedSeconds()) + " s since launch)");
            }
            return null;
        });
        if (config.seed()) {
            demoPartners = progress.step("demo data (Belt-and-Road partners, their patents and needs)",
                    () -> new DemoSeeder(config.services().get(0).baseUrl(), keys).seedIfEmpty(progress));
        }
        progress.step("demo tokens", this::writeTokens);
    }

    /** PostgreSQL with the services' databases, Kafka with the topics, SMTP, and the demo identity provider's keys. */
    private void startInfrastructure() throws Exception {
        progress.line("IPR Harbor local stack — data in " + config.home());
        Files.createDirectories(config.home());
        stopLeftoversQuietly();
        requireFreePorts();
        keys = progress.step("demo identity provider key pair", () -> DemoKeys.loadOrCreate(config.home().resolve("keys")));
        postgres = progress.step("PostgreSQL 17 on :" + config.postgresPort(), () -> {
            PostgresServer server = PostgresServer.startPersistent(config.home().resolve("postgres"), config.postgresPort());
            config.services().forEach(service -> server.createDatabase(service.database()));
            return server;
        });
        kafka = progress.step("Kafka " + org.apache.kafka.common.utils.AppInfoParser.getVersion() + " (KRaft) on :"
                + config.kafkaPort(), () -> KafkaBroker.start(config));
        mail = progress.step("SMTP on :" + config.smtpPort() + " (mailboxes over IMAP on :" + config.imapPort() + ")",
                () -> MailServer.start(config));
        progress.step("topics with " + PARTITIONS + " partitions", () -> HarborTopics.createMissing(config.kafkaBootstrap(), PARTITIONS));
    }

    private Path writeTokens() throws IOException {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("OPERATOR_TOKEN", keys.token(OPERATOR_ID, "operator", DEMO_TOKEN_LIFETIME));
        lines.put("INTEGRATOR_TOKEN", keys.token(INTEGRATOR_ID, "integrator", DEMO_TOKEN_LIFETIME));
        demoPartners.forEach((ref, id) -> {
            String name = ref.toUpperCase().replace('-', '_');
            lines.put("PARTNER_" + name + "_ID", id);
            lines.put("PARTNER_" + name + "_TOKEN", keys.token(id, "partner", DEMO_TOKEN_LIFETIME));
        });
        StringBuilder file = new StringBuilder("# IPR Harbor demo tokens, valid 30 days. Load them with: set -a; . "
                + tokensFile() + "; set +a\n");
        lines.forEach((key, value) -> file.append(key).append('=').append(value).append('\n'));
        Files.writeString(tokensFile(), file);
        return tokensFile();
    }

    private Path tokensFile() {
        return config.home().resolve("tokens.env");
    }

    private void printSummary() {
        progress.line("");
        progress.line(String.format("IPR Harbor is up in %.1f s.", progress.elapsedSeconds()));
        config.services().forEach(service -> progress.line(String.format("  %-21s %s   (API docs: %s/q/swagger-ui)",
                service.name(), service.baseUrl(), service.baseUrl())));
        progress.line("  Ops dashboard         " + config.services().get(2).baseUrl() + "/ops/   (sign in with OPERATOR_TOKEN)");
        progress.line("  Kafka                 " + config.kafkaBootstrap());
        progress.line("  PostgreSQL            " + postgres.jdbcUrl("<catalog|deal|notification>") + " (user postgres)");
        progress.line("  Mail                  smtp://localhost:" + config.smtpPort() + ", read it over IMAP on localhost:"
                + config.imapPort() + " (user = recipient address, any password)");
        progress.line("  Logs                  " + config.logs());
        progress.line("  Demo tokens           " + tokensFile());
        progress.line("");
        progress.line("Try:");
        progress.line("  set -a; . " + tokensFile() + "; set +a");
        progress.line("  curl -sG -H \"Authorization: Bearer $PARTNER_SATBAYEV_TOKEN\" --data-urlencode 'q=锂电池' -d limit=3 "
                + config.services().get(0).baseUrl() + "/patents");
        progress.line("");
        progress.line("Ctrl-C stops everything.");
    }

    private void printInfrastructureSummary() {
        progress.line("");
        progress.line(String.format("IPR Harbor's infrastructure is up in %.1f s (no services, no demo data).", progress.elapsedSeconds()));
        progress.line("  Kafka                 " + config.kafkaBootstrap());
        progress.line("  PostgreSQL            " + postgres.jdbcUrl("<catalog|deal|notification>") + " (user postgres)");
        progress.line("  Mail                  smtp://localhost:" + config.smtpPort() + ", IMAP on localhost:" + config.imapPort());
        progress.line("  Tokens                " + tokensFile());
        progress.line("");
        progress.line("Run a service in developer mode (live reload; its %dev profile finds this key and these ports):");
        config.services().forEach(service -> progress.line(String.format("  %-50s # %s",
                "(cd " + service.name() + " && ../mvnw quarkus:dev)", service.baseUrl())));
        progress.line("");
        progress.line("Ctrl-C stops everything.");
    }

    private ManagedProcess awaitFirstExit() throws InterruptedException {
        List<ManagedProcess> watched = new ArrayList<>(services.values());
        watched.add(kafka);
        while (!stopping) {
            for (ManagedProcess process : watched) {
                if (!process.isAlive() && !stopping) {
                    return process;
                }
            }
            Thread.sleep(500);
        }
        return null;
    }

    public StackConfig config() {
        return config;
    }

    /** How many emails the local mail server has received. */
    public int mailsReceived() {
        return mail.received();
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public DemoKeys keys() {
        return keys;
    }

    /** Kills, pauses and restarts this stack's parts, for the fault scenarios. */
    public StackFaults faults() {
        return new StackFaults(this);
    }

    synchronized ManagedProcess serviceProcess(String instance) {
        ManagedProcess process = services.get(instance);
        if (process == null) {
            throw new IllegalArgumentException("no running instance " + instance + "; running: " + services.keySet());
        }
        return process;
    }

    synchronized void track(String instance, ManagedProcess process) {
        services.put(instance, process);
    }

    synchronized void untrack(String instance) {
        services.remove(instance);
    }

    synchronized ManagedProcess kafkaProcess() {
        return kafka;
    }

    synchronized void replaceKafka(ManagedProcess broker) {
        kafka = broker;
    }

    public Map<String, String> demoPartners() {
        return demoPartners;
    }

    /** Seconds from launching the services (all at once) to each one's first successful readiness check. */
    public Map<String, Double> readySeconds() {
        return Map.copyOf(readySeconds);
    }

    /** Services first, then the broker, then the database: consumers give up slowly without a broker. */
    @Override
    public synchronized void close() {
        stopping = true;
        if (services.isEmpty() && kafka == null && postgres == null && mail == null) {
            return;
        }
        progress.line("Stopping the local stack…");
        services.values().parallelStream().forEach(service -> service.stop(20));
        services.clear();
        if (kafka != null) {
            kafka.stop(30);
            kafka = null;
        }
        if (mail != null) {
            mail.close();
            mail = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            postgres = null;
        }
        progress.line("Stopped.");
    }

    private void requireFreePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL (HARBOR_POSTGRES_PORT)", config.postgresPort());
        ports.put("Kafka (HARBOR_KAFKA_PORT)", config.kafkaPort());
        ports.put("Kafka controller (HARBOR_KAFKA_CONTROLLER_PORT)", config.kafkaControllerPort());
        config.services().forEach(service -> ports.put(service.name(), service.port()));
        ports.put("SMTP (HARBOR_SMTP_PORT)", config.smtpPort());
        ports.put("IMAP (HARBOR_IMAP_PORT)", config.imapPort());
        ports.forEach((component, port) -> {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("localhost"))) {
                probe.setReuseAddress(true);
            } catch (IOException taken) {
                throw new IllegalStateException("port " + port + " for " + component
                        + " is taken by another program; free it or choose another port with the variable named");
            }
        });
    }

    private void stopLeftoversQuietly() {
        try {
            if (stopLeftovers(config)) {
                progress.detail("stopped processes a previous launcher left running");
            }
        } catch (IOException e) {
            progress.detail("could not check for leftover processes: " + e.getMessage());
        }
    }

    /** Ends processes recorded in pid files by a launcher that did not stop cleanly; true if it found any. */
    public static boolean stopLeftovers(StackConfig config) throws IOException {
        boolean found = false;
        List<String> names = new ArrayList<>(List.of("kafka"));
        config.services().forEach(service -> {
            names.add(service.name());
            names.add(StackFaults.secondInstance(service.name()));
        });
        for (String name : names) {
            found |= ManagedProcess.stopLeftover(config.pids().resolve(name + ".pid"), 20);
        }
        found |= PostgresServer.stopLeftover(config.home().resolve("postgres"));
        return found;
    }
}
