package org.iprharbor.reliability.scenario;

import java.util.List;

import org.iprharbor.reliability.load.Ledger;
import org.iprharbor.stack.StackConfig;

/**
 * Scenario 6: a second instance of a service joins its consumer groups mid-load (partitions move to it), works
 * for a while, and leaves (they move back): redelivered records must be absorbed by the inbox, none skipped.
 * The second instance shares the database, so its outbox relay and delivery workers compete with the first too.
 */
public final class Rebalance extends FaultUnderLoad {

    private static final long WORK_MILLIS = 10_000;

    @Override
    public String name() {
        return "consumer-rebalance";
    }

    @Override
    public String fault() {
        return "a second instance of each service joins and leaves mid-load";
    }

    private static List<String> services(ScenarioContext context) {
        return context.quick() ? List.of("notification-service")
                : List.of("catalog-service", "deal-service", "notification-service");
    }

    @Override
    protected void inject(ScenarioContext context, Ledger ledger, Findings findings) throws Exception {
        for (String service : services(context)) {
            long began = System.nanoTime();
            context.stack().faults().startSecondInstance(service, StackConfig.freePort());
            findings.observe(String.format("%s second instance joined after %.1f s", service, (System.nanoTime() - began) / 1e9));
        }
        Thread.sleep(WORK_MILLIS);
        for (String service : services(context)) {
            context.stack().faults().stopSecondInstance(service);
        }
        findings.observe("second instances left after " + WORK_MILLIS / 1000 + " s of shared work");
    }
}
