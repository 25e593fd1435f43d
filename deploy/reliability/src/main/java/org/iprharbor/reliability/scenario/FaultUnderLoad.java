package org.iprharbor.reliability.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.iprharbor.reliability.load.Ledger;
import org.iprharbor.reliability.load.PacedLoad;
import org.iprharbor.reliability.verify.Verifier;
import org.iprharbor.reliability.verify.Verdict;

/**
 * The shape every load-bearing scenario shares: paced load starts, the fault strikes after a warm-up, the load
 * runs on to its end, then the verifier waits (up to a stated bound) for every acknowledged write to be
 * everywhere and counts duplicates. No answer may be a 5xx other than a 503 problem.
 */
public abstract class FaultUnderLoad implements Scenario {

    /** Observations and failed checks a fault adds to the result. */
    protected static final class Findings {

        final List<String> observations = new ArrayList<>();
        final List<String> failures = new ArrayList<>();

        public void observe(String observation) {
            observations.add(observation);
        }

        public void check(boolean condition, String failure) {
            if (!condition) {
                failures.add(failure);
            }
        }
    }

    protected Duration warmUp(ScenarioContext context) {
        return Duration.ofSeconds(context.quick() ? 5 : 10);
    }

    protected Duration loadDuration(ScenarioContext context) {
        return Duration.ofSeconds(context.quick() ? 30 : 60);
    }

    protected Duration drainBound(ScenarioContext context) {
        return Duration.ofSeconds(180);
    }

    /** How long the load goes on at least after the fault, so recovery happens under load too. */
    protected Duration afterFault(ScenarioContext context) {
        return Duration.ofSeconds(context.quick() ? 10 : 20);
    }

    /** Breaks something (and usually repairs it); runs while the load goes on. */
    protected abstract void inject(ScenarioContext context, Ledger ledger, Findings findings) throws Exception;

    /** Checks after the drain, beyond the verifier's. */
    protected void afterDrain(ScenarioContext context, Ledger ledger, Findings findings) throws Exception {
    }

    @Override
    public Result run(ScenarioContext context) throws Exception {
        Verifier verifier = new Verifier(context.stack(), context.receiver());
        Findings findings = new Findings();
        long began = System.nanoTime();
        PacedLoad load = new PacedLoad(context.client(), context.dealUrl(), context.trades())
                .start(context.offersPerSecond());
        Ledger ledger = load.ledger();
        try {
            Thread.sleep(warmUp(context).toMillis());
            inject(context, ledger, findings);
            long remaining = Math.max(loadDuration(context).toNanos() - (System.nanoTime() - began),
                    afterFault(context).toNanos());
            Thread.sleep(remaining / 1_000_000);
        } finally {
            load.close();
        }
        long loadSeconds = Duration.ofNanos(System.nanoTime() - began).toSeconds();
        Verifier.Drained drained = verifier.awaitDrained(ledger, drainBound(context));
        afterDrain(context, ledger, findings);
        Verdict verdict = drained.verdict();
        findings.observe("slowest answer " + ledger.maxLatencyMillis() + " ms after its intended send time");
        findings.check(ledger.offered().size() > 0, "no offer was acknowledged at all");
        findings.check(verdict.losses() == 0, "acknowledged writes missing: " + verdict);
        findings.check(verdict.duplicateEffects() == 0, "duplicated side effects: " + verdict);
        findings.check(ledger.serverErrors() == 0, ledger.serverErrors() + " answers were 5xx other than 503: "
                + ledger.outcomes());
        findings.check(ledger.unavailableWithoutProblem() == 0, ledger.unavailableWithoutProblem()
                + " 503 answers were not problem+json");
        return new Result(name(), fault(), context.offersPerSecond(), loadSeconds, ledger.requestsSent(),
                ledger.offered().size() + ledger.accepted().size(), ledger.outcomes(), verdict.losses(),
                verdict.duplicateEffects(), verdict.republished(), verdict.missing(), verdict.duplicates(),
                drained.after().toMillis() / 1000.0, drainBound(context).toSeconds(), findings.observations,
                findings.failures);
    }
}
