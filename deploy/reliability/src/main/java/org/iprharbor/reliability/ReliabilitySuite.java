package org.iprharbor.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.iprharbor.reliability.load.HarborClient;
import org.iprharbor.reliability.load.Trades;
import org.iprharbor.reliability.receiver.WebhookReceiver;
import org.iprharbor.reliability.scenario.ConcurrentCommands;
import org.iprharbor.reliability.scenario.ConsumerCrashAfterCommit;
import org.iprharbor.reliability.scenario.DeadlineClockCrash;
import org.iprharbor.reliability.scenario.KafkaOutage;
import org.iprharbor.reliability.scenario.PoisonRecords;
import org.iprharbor.reliability.scenario.PostgresRestart;
import org.iprharbor.reliability.scenario.Rebalance;
import org.iprharbor.reliability.scenario.Result;
import org.iprharbor.reliability.scenario.Scenario;
import org.iprharbor.reliability.scenario.ScenarioContext;
import org.iprharbor.reliability.scenario.ServiceCrash;
import org.iprharbor.reliability.scenario.WebhookFaults;
import org.iprharbor.stack.LocalStack;
import org.iprharbor.stack.StackConfig;

/**
 * Starts the local stack, subscribes a loopback webhook receiver to every deal event, runs the fault scenarios
 * one after another against it and reports each. {@code --quick} runs the reduced form CI runs.
 */
public final class ReliabilitySuite {

    private ReliabilitySuite() {
    }

    /** The scenarios of the full run, or of the reduced one. */
    public static List<Scenario> scenarios(boolean quick) {
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new ConcurrentCommands());
        scenarios.add(new ServiceCrash("deal-service"));
        if (!quick) {
            scenarios.add(new ServiceCrash("catalog-service"));
            scenarios.add(new ServiceCrash("notification-service"));
        }
        scenarios.add(new KafkaOutage(KafkaOutage.Mode.KILL));
        if (!quick) {
            scenarios.add(new KafkaOutage(KafkaOutage.Mode.PAUSE));
        }
        scenarios.add(new PostgresRestart());
        scenarios.add(new ConsumerCrashAfterCommit());
        scenarios.add(new PoisonRecords());
        scenarios.add(new Rebalance());
        if (!quick) {
            scenarios.add(new WebhookFaults());
        }
        scenarios.add(new DeadlineClockCrash());
        return scenarios;
    }

    /** Runs {@code scenarios} against a fresh stack in {@code config}; one result each, failures included. */
    public static List<Result> run(StackConfig config, List<Scenario> scenarios, boolean quick) throws Exception {
        List<Result> results = new ArrayList<>();
        // kill -9 needs no hook; Ctrl-C or SIGTERM of the suite must not leave the stack's processes behind
        Thread stopStack = new Thread(() -> stopLeftovers(config), "stop-stack");
        Runtime.getRuntime().addShutdownHook(stopStack);
        try (LocalStack stack = LocalStack.start(config);
                HarborClient client = new HarborClient();
                WebhookReceiver receiver = new WebhookReceiver(StackConfig.freePort())) {
            String integrator = stack.keys().token(UUID.randomUUID().toString(), "integrator", Duration.ofHours(3));
            HarborClient.Reply subscribed = client.post(config.services().get(2).baseUrl() + "/subscriptions", integrator,
                    null, "{\"url\":\"" + receiver.url(WebhookReceiver.Behaviour.OK) + "\",\"eventTypes\":[\"org.iprharbor.deal.*\"]}")
                    .join();
            if (subscribed.status() != 201) {
                throw new IllegalStateException("cannot subscribe the webhook receiver: " + subscribed.body());
            }
            ScenarioContext context = new ScenarioContext(stack, client, Trades.of(stack, client), receiver, integrator,
                    quick);
            for (Scenario scenario : scenarios) {
                System.out.println("▶ " + scenario.name() + ": " + scenario.fault());
                Result result;
                try {
                    result = scenario.run(context);
                } catch (Exception | AssertionError e) {
                    e.printStackTrace();
                    result = new Result(scenario.name(), scenario.fault(), 0, 0, 0, 0, Map.of(), 0, 0, 0, Map.of(),
                            Map.of(), 0, 0, List.of(), List.of("aborted: " + e));
                }
                System.out.println(result.line());
                results.add(result);
            }
        }
        Runtime.getRuntime().removeShutdownHook(stopStack);
        return results;
    }

    private static void stopLeftovers(StackConfig config) {
        try {
            LocalStack.stopLeftovers(config);
        } catch (IOException e) {
            System.err.println("could not stop the stack: " + e.getMessage());
        }
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        int only = List.of(args).indexOf("--only");
        List<String> names = only < 0 ? List.of() : List.of(args[only + 1].split(","));
        List<Scenario> scenarios = (only < 0 ? scenarios(quick) : scenarios(false)).stream()
                .filter(scenario -> only < 0 || names.contains(scenario.name())).toList();
        if (scenarios.isEmpty()) {
            System.err.println("no scenario named " + args[only + 1] + "; known: "
                    + scenarios(false).stream().map(Scenario::name).toList());
            System.exit(2);
        }
        StackConfig defaults = StackConfig.fromEnvironment();
        Path home = System.getenv("HARBOR_HOME") == null
                ? Files.createTempDirectory("harbor-reliability") : defaults.home();
        StackConfig config = new StackConfig(defaults.projectRoot(), home, defaults.postgresPort(), defaults.kafkaPort(),
                defaults.kafkaControllerPort(), defaults.catalogPort(), defaults.dealPort(), defaults.notificationPort(),
                defaults.smtpPort(), defaults.imapPort(), true, defaults.zipkinPort(), defaults.tracing());
        List<Result> results = run(config, scenarios, quick);
        Path root = config.projectRoot();
        Report.writeJson(root.resolve("deploy/reliability/target/reliability-results.json"), results);
        if (only < 0) {
            Report.writeTable(root.resolve("docs/reliability.md"), results, quick ? "reduced (--quick)" : "full");
        } else {
            Report.updateRows(root.resolve("docs/reliability.md"), results);
        }
        results.forEach(result -> System.out.println(result.line()));
        System.exit(results.stream().allMatch(Result::passed) ? 0 : 1);
    }
}
