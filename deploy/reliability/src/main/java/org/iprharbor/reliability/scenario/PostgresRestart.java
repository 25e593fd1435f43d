package org.iprharbor.reliability.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

import org.iprharbor.reliability.load.HarborClient;
import org.iprharbor.reliability.load.Ledger;

/**
 * Scenario 3: PostgreSQL restarts in immediate mode mid-load. Clients get 503 problem+json while it is away
 * (never a 500, never a 2xx for something not committed), and the services' pools recover by themselves: the
 * same processes answer afterwards.
 */
public final class PostgresRestart extends FaultUnderLoad {

    @Override
    public String name() {
        return "postgres-immediate-restart";
    }

    @Override
    public String fault() {
        return "PostgreSQL immediate-mode restart mid-load";
    }

    @Override
    protected void inject(ScenarioContext context, Ledger ledger, Findings findings) throws Exception {
        Map<String, Long> pids = pids(context);
        long began = System.nanoTime();
        context.stack().faults().restartPostgresImmediately();
        findings.observe(String.format("PostgreSQL back after %.1f s", (System.nanoTime() - began) / 1e9));
        findings.check(pids.equals(pids(context)), "a service was restarted: " + pids + " → " + pids(context));
    }

    @Override
    protected void afterDrain(ScenarioContext context, Ledger ledger, Findings findings) {
        long unavailable = ledger.count("offer 503") + ledger.count("accept 503");
        findings.observe(unavailable + " answers were 503 problem+json");
        for (var service : context.stack().config().services()) {
            HarborClient.Reply ready = context.client().get(service.baseUrl() + "/q/health/ready", null).join();
            findings.check(ready.status() == 200, service.name() + " not ready after the restart: " + ready.body());
        }
    }

    private static Map<String, Long> pids(ScenarioContext context) {
        Map<String, Long> pids = new LinkedHashMap<>();
        context.stack().config().services().forEach(service ->
                pids.put(service.name(), context.stack().faults().service(service.name()).pid()));
        return pids;
    }
}
