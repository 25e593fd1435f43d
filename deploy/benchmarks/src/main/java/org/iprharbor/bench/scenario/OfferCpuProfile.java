package org.iprharbor.bench.scenario;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iprharbor.bench.report.Report;
import org.iprharbor.bench.stack.Backlogs;
import org.iprharbor.bench.stack.BenchStack;
import org.iprharbor.bench.stack.CpuTime;

import static org.iprharbor.bench.report.Report.number;

/**
 * Where an offer's CPU goes: the CPU time every process of the stack spent during a fixed-rate offer load and
 * until the work it set off downstream was done, less what it spends idle (pollers, timers, GC) over as long, divided
 * by the offers the load made. The idle rate is measured after that work is done, when the JIT has settled (measured
 * before, it caught the tail of the warm-up and was larger than the load's own figure). The harness counts its own
 * JVM only: the stack's processes are its children. On a machine whose cores every process shares, the sum bounds
 * the offer rate whatever any one service does.
 */
final class OfferCpuProfile {

    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final Duration IDLE_WINDOW = Duration.ofSeconds(10);
    private static final String HARNESS = "the harness JVM (load driver, SMTP server, webhook receivers)";
    /** Runs only when the stack traces (HARBOR_TRACING=on); like the harness, not the platform's own cost. */
    private static final String TRACE_VIEWER = "the trace viewer (Zipkin, receiving the spans)";

    /** The processes measured, in the order the report lists them. */
    private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();
    private final BenchStack stack;
    private Map<String, Double> before;
    private Map<String, Double> jitBefore;
    private double smtpBefore;
    private long startedNanos;
    private long dealsBefore;

    OfferCpuProfile(BenchStack stack) {
        this.stack = stack;
        for (String name : List.of("deal-service", "notification-service", "catalog-service", "kafka")) {
            stack.process(name).ifPresent(process -> processes.put(name, process));
        }
        stack.postgresProcess().ifPresent(process -> processes.put("PostgreSQL (postmaster and backends)", process));
        stack.process("zipkin").ifPresent(process -> processes.put(TRACE_VIEWER, process));
        processes.put(HARNESS, ProcessHandle.current());
    }

    void start() throws Exception {
        before = snapshot();
        jitBefore = jitSnapshot();
        smtpBefore = smtpSinkMillis();
        startedNanos = System.nanoTime();
        dealsBefore = deals();
    }

    /** Waits until the offers' downstream work is done, then divides each process's CPU time by the offers made. */
    Result finish() throws Exception {
        Backlogs.awaitIdle(stack, Duration.ofMinutes(5));
        Thread.sleep(SETTLE.toMillis()); // events still being consumed leave both queues empty for a moment
        Backlogs.awaitIdle(stack, Duration.ofMinutes(5));
        Map<String, Double> after = snapshot();
        Map<String, Double> jitAfter = jitSnapshot();
        double smtpAfter = smtpSinkMillis();
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        long offers = deals() - dealsBefore;
        Map<String, Double> idleMillisPerSecond = idleRate();
        Map<String, Double> perOffer = new LinkedHashMap<>();
        processes.keySet().forEach(name -> perOffer.put(name,
                Math.max(0, after.get(name) - before.get(name) - idleMillisPerSecond.get(name) * seconds) / offers));
        Map<String, Double> jitPerOffer = new LinkedHashMap<>();
        jitAfter.forEach((name, millis) -> jitPerOffer.put(name, (millis - jitBefore.get(name)) / offers));
        return new Result(offers, perOffer, jitPerOffer, (smtpAfter - smtpBefore) / offers,
                idleMillisPerSecond.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    /** What each process spends per second with no load at all, so that is not charged to the offers. */
    private Map<String, Double> idleRate() throws InterruptedException {
        Thread.sleep(SETTLE.toMillis());
        Map<String, Double> first = snapshot();
        Thread.sleep(IDLE_WINDOW.toMillis());
        Map<String, Double> last = snapshot();
        Map<String, Double> perSecond = new LinkedHashMap<>();
        processes.keySet().forEach(name -> perSecond.put(name, (last.get(name) - first.get(name)) / IDLE_WINDOW.toSeconds()));
        return perSecond;
    }

    /** The JIT compilers' share of each service JVM (the other processes are not JVMs, or not measured here). */
    private Map<String, Double> jitSnapshot() {
        Map<String, Double> millis = new LinkedHashMap<>();
        processes.forEach((name, process) -> {
            if (name.endsWith("-service")) {
                millis.put(name, CpuTime.jitMillis(process));
            }
        });
        return millis;
    }

    /**
     * The stack's SMTP sink runs in the harness JVM (GreenMail: a thread per connection, named "smtp:<address>"); the
     * notification-service keeps its SMTP connections open, so its threads live through the measurement.
     */
    static double smtpSinkMillis() {
        return CpuTime.threadsMillis(ProcessHandle.current(), name -> name.startsWith("smtp:"));
    }

    private Map<String, Double> snapshot() {
        Map<String, Double> millis = new LinkedHashMap<>();
        processes.forEach((name, process) -> millis.put(name,
                HARNESS.equals(name) ? CpuTime.ownMillis(process) : CpuTime.treeMillis(process)));
        return millis;
    }

    private long deals() throws Exception {
        try (Connection deal = stack.database("deal"); Statement sql = deal.createStatement();
                ResultSet count = sql.executeQuery("SELECT count(*) FROM deal")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** CPU milliseconds per offer by process, and what the whole stack spends per second when idle. */
    record Result(long offers, Map<String, Double> millisPerOffer, Map<String, Double> jitMillisPerOffer,
            double smtpSinkMillisPerOffer, double idleMillisPerSecond) {

        /** The platform's figure without the services' JIT compilation, which a long-running service pays off. */
        double platformWithoutJit() {
            return platform() - jitMillisPerOffer.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        double total() {
            return millisPerOffer.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** The platform's own share: the three services, PostgreSQL and Kafka, without the harness and the trace viewer. */
        double platform() {
            return total() - millisPerOffer.getOrDefault(HARNESS, 0.0) - millisPerOffer.getOrDefault(TRACE_VIEWER, 0.0);
        }

        /** The offer rate at which the stack's processes would need every core, and nothing else ran. */
        double saturationRate(int cores) {
            return cores * 1000 / total();
        }

        String table() {
            List<List<String>> rows = new ArrayList<>();
            millisPerOffer.forEach((process, millis) -> rows.add(List.of(process, number(millis),
                    jitMillisPerOffer.containsKey(process) ? number(jitMillisPerOffer.get(process)) : "–",
                    String.format("%.0f %%", 100 * millis / total()))));
            rows.add(List.of("of the harness: the SMTP sink's threads", number(smtpSinkMillisPerOffer), "–",
                    String.format("%.0f %%", 100 * smtpSinkMillisPerOffer / total())));
            rows.add(List.of("**the platform** (services, PostgreSQL, Kafka)", "**" + number(platform()) + "**",
                    number(platform() - platformWithoutJit()), String.format("%.0f %%", 100 * platform() / total())));
            rows.add(List.of("**all**", "**" + number(total()) + "**", "", "100 %"));
            return Report.table(List.of("process", "CPU ms per offer", "of which JIT compilation", "share"), rows);
        }
    }
}
