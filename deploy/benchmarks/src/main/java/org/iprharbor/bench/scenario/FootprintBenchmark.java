package org.iprharbor.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.iprharbor.bench.report.Report;
import org.iprharbor.bench.stack.BenchStack;
import org.iprharbor.bench.stack.CpuTime;
import org.iprharbor.bench.stack.Memory;

import static org.iprharbor.bench.report.Report.number;

/**
 * Item 7: each service's time from launch to its first successful readiness check (as the launcher measured it
 * when the stack started: the three start together on the same cores), and the memory of every process of the
 * stack after the load phases that ran before this one.
 */
public final class FootprintBenchmark implements Benchmark {

    @Override
    public String name() {
        return "footprint";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        BenchStack stack = context.stack();
        Map<String, Double> ready = stack.localStack().readySeconds();
        List<List<String>> rows = new ArrayList<>();
        double totalPss = 0;
        double totalRss = 0;
        double largestServiceRss = 0;
        for (String name : List.of("catalog-service", "deal-service", "notification-service", "kafka")) {
            Optional<ProcessHandle> process = stack.process(name);
            double rss = process.map(Memory::rssMegabytes).orElse(Double.NaN);
            double pss = process.map(Memory::treePssMegabytes).orElse(Double.NaN);
            totalRss += rss;
            totalPss += pss;
            rows.add(List.of(name, ready.containsKey(name) ? number(ready.get(name)) : "–", number(rss), number(pss)));
            if (name.endsWith("-service")) {
                context.report().result("rss_mb_after_load", name, rss);
                largestServiceRss = Math.max(largestServiceRss, rss);
            }
        }
        Optional<ProcessHandle> postgres = stack.postgresProcess();
        double postgresRss = postgres.map(Memory::treeRssMegabytes).orElse(Double.NaN);
        double postgresPss = postgres.map(Memory::treePssMegabytes).orElse(Double.NaN);
        totalRss += postgresRss;
        totalPss += postgresPss;
        rows.add(List.of("PostgreSQL (postmaster and its backends)", "–", number(postgresRss), number(postgresPss)));
        rows.add(List.of("**the stack**", number(stack.restartSeconds()) + " (launcher to seeded and ready, on restart)", number(totalRss),
                "**" + number(totalPss) + "**"));
        double launcher = Memory.rssMegabytes(ProcessHandle.current());
        BenchContext.progress(String.format("  = stack memory %.0f MB (PSS), services ready in %s s", totalPss, ready));
        List<List<String>> alone = new ArrayList<>();
        double slowestAlone = 0;
        for (String name : List.of("catalog-service", "deal-service", "notification-service")) {
            double seconds = startAlone(context, name, alone);
            slowestAlone = Math.max(slowestAlone, seconds);
        }
        context.report().aim("One service started alone to its first ready answer", "≤ 2.0 s each",
                "slowest " + number(slowestAlone) + " s", slowestAlone <= 2.0, "");
        context.report().aim("Local stack up on fresh data / on restart (launcher to seeded and ready)", "≤ 20 s / ≤ 10 s",
                number(stack.startSeconds()) + " s / " + number(stack.restartSeconds()) + " s",
                stack.startSeconds() <= 20 && stack.restartSeconds() <= 10, "");
        context.report().result("stack_up_fresh_s", stack.startSeconds());
        context.report().result("stack_up_restart_s", stack.restartSeconds());
        context.report().aim("RSS per service after the load", "≤ 250 MB", "largest " + number(largestServiceRss) + " MB",
                largestServiceRss <= 250, "");
        context.report().section("""
                ## 7. Footprint
                Time to the first successful readiness check (`/q/health/ready` = 200), measured by the launcher from the moment
                it started the three services together (so they share the two cores while starting) when the stack was started
                again on the data of its first start (fresh data: %s s to seeded and ready), and memory after the load
                phases above. RSS counts shared pages in every process that maps them; PSS divides them among their sharers,
                which is what the sum of a process tree should use (PostgreSQL's backends share its buffers). The services run
                with `-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1` as the local stack starts them.

                %s
                Not counted above: the harness's own JVM (driver, launcher and the stack's in-process SMTP/IMAP server), %s MB RSS.

                Each service again, stopped and started alone beside the idle stack (the issue's start figure): wall time from
                the launch to the first ready answer (polled every 200 ms), and the CPU the new JVM spent by then.

                %s
                """.formatted(number(stack.startSeconds()),
                Report.table(List.of("process", "ready after (s)", "RSS MB", "PSS MB (with children)"), rows),
                number(launcher), Report.table(List.of("service", "ready after (s)", "CPU by then (s)"), alone)));
    }

    /** Restarts the service alone, adds its row to {@code rows} and returns its seconds to ready. */
    private static double startAlone(BenchContext context, String name, List<List<String>> rows) throws Exception {
        BenchStack stack = context.stack();
        stack.localStack().faults().service(name).stop(30);
        long launched = System.nanoTime();
        stack.localStack().faults().restartService(name);
        double seconds = (System.nanoTime() - launched) / 1e9;
        long pid = stack.localStack().faults().service(name).pid();
        double cpu = ProcessHandle.of(pid).map(CpuTime::treeMillis).orElse(Double.NaN) / 1000;
        BenchContext.progress(String.format("  = %s alone: ready after %.1f s, %.1f s of CPU", name, seconds, cpu));
        context.report().result("start_ready_ms", name, seconds * 1000);
        rows.add(List.of(name, number(seconds), number(cpu)));
        return seconds;
    }
}
