package org.iprharbor.bench.scenario;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.OptionalDouble;

import org.iprharbor.bench.Settings;
import org.iprharbor.bench.driver.LoadProfile;
import org.iprharbor.bench.driver.LoadResult;
import org.iprharbor.bench.driver.OpenLoopDriver;
import org.iprharbor.bench.driver.RequestSender;
import org.iprharbor.bench.report.Report;
import org.iprharbor.bench.stack.BenchStack;
import org.iprharbor.bench.stack.Http;

/**
 * What every benchmark shares: the stack, the HTTP client, the settings, the report, and what earlier
 * benchmarks found (the offers' sustainable rate, which later ones load the stack at).
 */
public final class BenchContext {

    private static final int MAX_IN_FLIGHT = 2_000;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final BenchStack stack;
    private final Http http;
    private final Settings settings;
    private final Report report;
    private final OpenLoopDriver driver;
    private OptionalDouble maxOfferRate = OptionalDouble.empty();
    private OptionalDouble pgbenchRate = OptionalDouble.empty();

    public BenchContext(BenchStack stack, Http http, Settings settings, Report report) {
        this.stack = stack;
        this.http = http;
        this.settings = settings;
        this.report = report;
        this.driver = new OpenLoopDriver(MAX_IN_FLIGHT, Duration.ofSeconds(30), BenchContext::progress);
    }

    public static void progress(String line) {
        System.out.println(LocalTime.now().format(CLOCK) + " " + line);
    }

    public LoadResult load(String name, LoadProfile profile, RequestSender sender) throws InterruptedException {
        LoadResult result = driver.run(name, profile, sender);
        progress("  = " + result.summary());
        return result;
    }

    public BenchStack stack() {
        return stack;
    }

    public Http http() {
        return http;
    }

    public Settings settings() {
        return settings;
    }

    public Report report() {
        return report;
    }

    public OptionalDouble maxOfferRate() {
        return maxOfferRate;
    }

    public void maxOfferRate(double rate) {
        maxOfferRate = OptionalDouble.of(rate);
    }

    /** The database ceiling for offers (pgbench running their transaction), when the offers benchmark ran. */
    public OptionalDouble pgbenchRate() {
        return pgbenchRate;
    }

    public void pgbenchRate(double rate) {
        pgbenchRate = OptionalDouble.of(rate);
    }
}
