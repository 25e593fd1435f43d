package org.iprharbor.reliability.scenario;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.iprharbor.reliability.load.HarborClient;
import org.iprharbor.reliability.load.Ledger;

/**
 * Scenario 2: the broker dies (kill -9, restarted after a while) or stalls (SIGSTOP for a while, then SIGCONT)
 * mid-load. deal-service must keep acknowledging offers (the outbox buffers them), its readiness must say so,
 * and the backlog must drain once the broker is back.
 */
public final class KafkaOutage extends FaultUnderLoad {

    /** How the broker is taken away. */
    public enum Mode {
        KILL, PAUSE
    }

    private final Mode mode;

    public KafkaOutage(Mode mode) {
        this.mode = mode;
    }

    @Override
    public String name() {
        return mode == Mode.KILL ? "kafka-kill-9" : "kafka-sigstop";
    }

    @Override
    public String fault() {
        return mode == Mode.KILL ? "Kafka broker kill -9, restarted after the outage" : "Kafka broker SIGSTOP, SIGCONT after the outage";
    }

    private Duration outage(ScenarioContext context) {
        return Duration.ofSeconds(mode == Mode.PAUSE && !context.quick() ? 30 : 15);
    }

    @Override
    protected Duration loadDuration(ScenarioContext context) {
        return warmUp(context).plus(outage(context)).plusSeconds(context.quick() ? 15 : 30);
    }

    @Override
    protected void inject(ScenarioContext context, Ledger ledger, Findings findings) throws Exception {
        long offeredBefore = ledger.offered().size();
        if (mode == Mode.KILL) {
            context.stack().faults().kafka().kill();
        } else {
            context.stack().faults().kafka().pause();
        }
        long began = System.nanoTime();
        boolean degradedSeen = false;
        String lastReadiness = "";
        long slowestMillis = 0;
        try {
            while (System.nanoTime() - began < outage(context).toNanos()) {
                long asked = System.nanoTime();
                long left = Math.max(1, (outage(context).toNanos() - (asked - began)) / 1_000_000);
                try {
                    HarborClient.Reply ready = context.client().get(context.dealUrl() + "/q/health/ready", null)
                            .get(left, TimeUnit.MILLISECONDS);
                    lastReadiness = ready.status() + " " + (ready.failure() != null ? ready.failure()
                            : ready.body().replaceAll("\\s+", " "));
                    degradedSeen |= ready.status() == 503 || pendingOutbox(ready.body()) || ready.body().contains("degraded");
                } catch (TimeoutException stillWaiting) {
                    lastReadiness = "no answer before the outage ended";
                }
                slowestMillis = Math.max(slowestMillis, (System.nanoTime() - asked) / 1_000_000);
                Thread.sleep(1_000);
            }
        } finally {
            if (mode == Mode.KILL) {
                context.stack().faults().restartKafka();
            } else {
                context.stack().faults().kafka().resume();
            }
        }
        long acceptedDuringOutage = ledger.offered().size() - offeredBefore;
        findings.observe(String.format("%d offers acknowledged while the broker was away (%.1f s from the fault until it "
                + "was ready again)", acceptedDuringOutage, (System.nanoTime() - began) / 1e9));
        findings.observe("readiness " + (degradedSeen ? "showed the outage (DOWN or outbox backlog)" : "never showed it")
                + ", slowest answer " + slowestMillis + " ms");
        findings.check(slowestMillis < 5_000, "readiness took " + slowestMillis + " ms to answer during the outage");
        findings.check(acceptedDuringOutage > 0, "no offer was acknowledged while the broker was away");
        findings.check(degradedSeen, "readiness never showed the broker outage; last: " + lastReadiness);
    }

    private static boolean pendingOutbox(String readiness) {
        return readiness.matches("(?s).*\"pending\"\\s*:\\s*[1-9].*");
    }
}
