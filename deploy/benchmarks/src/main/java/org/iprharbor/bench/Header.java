package org.iprharbor.bench;

import java.time.ZonedDateTime;

import org.iprharbor.bench.report.Machine;

/**
 * The fixed parts of docs/benchmarks.md around the measured sections: when and where the run happened, how
 * to reproduce it, and what the harness does to keep its numbers honest.
 */
final class Header {

    static final String FOOTER = """
            ## How the harness measures
            - **Open model, no coordinated omission.** The driver (`deploy/benchmarks`, `OpenLoopDriver`) sends request *n*
              at its scheduled time whatever earlier requests are doing (java.net.http async client, HTTP/1.1, new
              connections opened as needed) and records its latency from that *intended* time into an HdrHistogram, so a
              stall is charged to every request it delayed. The rate ramps up linearly, then holds; requests before the
              end of the warm-up are sent but not measured. More than 2,000 outstanding requests count as errors rather
              than piling up. The driver's own lag (intended vs. actual send time) is tracked; it runs in the same JVM as
              the local-stack launcher, on the same two cores as everything it measures.
            - **Rate search**: doubling from a start rate until a probe fails (any error, or p99 over the bound), then
              bisection to 5 % (25 % with `--quick`). A probe lasts long enough for 1,000 measured requests (200 with
              `--quick`), so its p99 is not just its slowest request.
            - **CPU per offer** is read from `/proc/<pid>/stat` (user + system time) of each process of the stack, PostgreSQL
              with its backends, before a fixed-rate load and after the work it set off downstream has finished.
            - **Durability**: the stack's PostgreSQL runs with `fsync=on`, `synchronous_commit=on`,
              `full_page_writes=on` (never the ceiling-only settings); Kafka acks=all with an idempotent producer.
            - **Baselines run in the same run on the same stack**, so their ratios mean more than the absolute
              figures on a shared machine.
            - Tuning changes the measurements justified, with before/after figures: [benchmarks/tuning.md](benchmarks/tuning.md).

            Reproduce every figure above with the command at the top; `--only <names>` (offers, lag, relay, search,
            fanout, footprint, cost, drain, matching, offers-alone) runs a part (lag and fan-out load at half the offers' max rate when `offers` ran first,
            otherwise at a fixed rate they print).
            """;

    private Header() {
    }

    static String of(Settings settings, Machine machine, ZonedDateTime startedAt, double minutes, String arguments) {
        String command = "deploy/benchmarks/run" + (arguments.isBlank() ? "" : " " + arguments);
        return """
                # Benchmarks

                Written by `%s` on %s (the run took %.1f minutes%s). Do not edit by hand: re-run the command.

                | machine | |
                |---|---|
                | CPU | %s, %d cores |
                | memory | %,d MB |
                | OS | %s |
                | JDK | %s |
                | PostgreSQL | %s (fsync on, synchronous_commit on), embedded binaries |
                | Kafka | %s, one KRaft broker (combined controller), 6 partitions per topic |
                | Quarkus | 3.33.2 (services run with -Xmx256m, the serial collector and C1 only, as the local stack starts them) |
                | load average at start | %.2f |

                **Conditions**: one machine runs everything: the load driver, PostgreSQL, the Kafka broker and the three
                services. %s
                """.formatted(command, BenchmarkSuite.stamp(startedAt), minutes, settings.quick() ? ", `--quick`: short probes, rough figures" : "",
                machine.cpu(), machine.cores(), machine.memoryMegabytes(), machine.os(), machine.jdk(), machine.postgres(),
                machine.kafka(), machine.loadAverageAtStart(), conditions(machine));
    }

    private static String conditions(Machine machine) {
        return machine.loadAverageAtStart() > 0.5
                ? "The machine was **busy with other work** when the run began (see the load average): the figures are "
                        + "noisy and lower than a quiet machine gives; re-run the full suite on a quiet machine before quoting them."
                : "Nothing else was running when the run began (see the load average).";
    }
}
