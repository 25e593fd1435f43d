package org.iprharbor.reliability.scenario;

import org.iprharbor.reliability.load.Ledger;

/**
 * Scenario 1: kill -9 of one service mid-load, then a restart. Requests to a dead deal-service get no answer
 * (never acknowledged); a dead consumer catches up from its committed offsets and deduplicates what it had
 * applied already; a dead notification-service's claimed deliveries come back after their lease.
 */
public final class ServiceCrash extends FaultUnderLoad {

    private final String service;

    public ServiceCrash(String service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "kill-9-" + service;
    }

    @Override
    public String fault() {
        return "kill -9 of " + service + " mid-load, restart";
    }

    @Override
    protected void inject(ScenarioContext context, Ledger ledger, Findings findings) throws Exception {
        long before = ledger.offered().size();
        context.stack().faults().killService(service);
        long killed = System.nanoTime();
        context.stack().faults().restartService(service);
        findings.observe(String.format("%s down %.1f s (killed after %d acknowledged offers)", service,
                (System.nanoTime() - killed) / 1e9, before));
    }
}
