package org.iprharbor.bench.scenario;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.iprharbor.bench.driver.LoadProfile;
import org.iprharbor.bench.report.Report;
import org.iprharbor.bench.stack.Backlogs;
import org.iprharbor.bench.stack.BenchStack;
import org.iprharbor.bench.stack.CpuTime;
import org.iprharbor.bench.stack.SmtpCeiling;
import org.iprharbor.stack.ManagedProcess;

import static org.iprharbor.bench.report.Report.number;

/**
 * notification-service working off a backlog: offers are made while it is paused (SIGSTOP), so their deal events wait
 * on Kafka; then it resumes and reads them, renders and queues both parties' emails and inbox items, and sends the
 * emails to the stack's SMTP server. Reports deliveries per second and its CPU per delivery over that drain.
 */
public final class DeliveryDrainBenchmark implements Benchmark {

    private static final double OFFER_RATE = 100;
    /** As many connections as notification-service's senders keep open (its default sender threads). */
    private static final int CEILING_CONNECTIONS = 8;

    @Override
    public String name() {
        return "drain";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        BenchStack stack = context.stack();
        int offers = context.settings().quick() ? 500 : 2_000;
        OfferWorkload workload = OfferWorkload.from(stack);
        Backlogs.awaitIdle(stack, Duration.ofMinutes(5));
        ManagedProcess notification = stack.localStack().faults().service("notification-service");
        long deliveredBefore = delivered(stack);
        notification.pause();
        try {
            context.load("drain: offers while notification-service is paused", new LoadProfile(OFFER_RATE,
                    Duration.ofSeconds(1), Duration.ZERO, Duration.ofMillis((long) (offers / OFFER_RATE * 1000))),
                    n -> context.http().sendAsync(workload.offer(n)));
            Backlogs.awaitIdle(stack, Duration.ofMinutes(5)); // the deal events are on Kafka
        } finally {
            notification.resume();
        }
        ProcessHandle process = stack.process("notification-service").orElseThrow();
        double cpuBefore = CpuTime.treeMillis(process);
        double sinkBefore = OfferCpuProfile.smtpSinkMillis();
        long resumed = System.nanoTime();
        long expected = 2L * offers;
        while (delivered(stack) - deliveredBefore < expected) {
            if (System.nanoTime() - resumed > Duration.ofMinutes(10).toNanos()) {
                throw new IllegalStateException("the backlog was not delivered within 10 minutes");
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - resumed) / 1e9;
        double cpuPerDelivery = (CpuTime.treeMillis(process) - cpuBefore) / expected;
        double sinkPerDelivery = (OfferCpuProfile.smtpSinkMillis() - sinkBefore) / expected;
        int averageBytes = averageEmailBytes(stack);
        double ceiling = SmtpCeiling.measure(stack.config().smtpPort(), CEILING_CONNECTIONS, (int) (expected / CEILING_CONNECTIONS),
                averageBytes);
        BenchContext.progress(String.format("  = the SMTP sink alone takes %.0f emails/s of %d bytes from a lean client; "
                + "during the drain its threads spent %.2f ms per email", ceiling, averageBytes, sinkPerDelivery));
        double rate = expected / seconds;
        BenchContext.progress(String.format("  = %d deliveries in %.1f s: %.0f/s, %.2f ms of notification-service CPU each",
                expected, seconds, rate, cpuPerDelivery));
        Report report = context.report();
        report.result("notification_deliveries_per_s", rate);
        report.result("notification_cpu_ms_per_delivery", cpuPerDelivery);
        report.result("smtp_sink_emails_per_s", ceiling);
        report.result("smtp_sink_cpu_ms_per_delivery", sinkPerDelivery);
        report.aim("notification-service draining a backlog of deal events (emails)", "≥ 1,000 deliveries/s, ≤ 0.5 ms CPU each",
                number(rate) + "/s, " + String.format("%.2f ms", cpuPerDelivery), rate >= 1_000 && cpuPerDelivery <= 0.5, "");
        report.section("""
                ## Delivery backlog
                %,d offers made at %s/s while notification-service was paused (SIGSTOP); then it resumed and worked off their
                deal events: read them, rendered and queued both parties' emails and inbox items, and sent %,d emails to the
                stack's SMTP server (GreenMail in the harness JVM; its threads' CPU is the last column, not counted in the
                service's). Beside it, the sink's own ceiling: %,d emails of the drain's average size (%,d bytes) sent to it
                over %d kept-open connections by a lean SMTP client in the harness, nothing rendered.

                | deliveries | seconds | deliveries/s | notification-service CPU ms per delivery | the SMTP sink alone, emails/s | SMTP sink CPU ms per email during the drain |
                |---|---|---|---|---|---|
                | %,d | %s | %s | %.2f | %s | %.2f |
                """.formatted(offers, number(OFFER_RATE), expected, expected, averageBytes, CEILING_CONNECTIONS, expected,
                number(seconds), number(rate), cpuPerDelivery, number(ceiling), sinkPerDelivery));
    }

    /** The drain's emails' average size as queued (subject, text and HTML), for a ceiling probe of the same size. */
    private static int averageEmailBytes(BenchStack stack) throws Exception {
        return (int) count(stack, "SELECT coalesce(avg(octet_length(coalesce(subject, '')) + octet_length(body)"
                + " + octet_length(coalesce(html, ''))), 1000)::bigint FROM delivery WHERE channel = 'EMAIL'");
    }

    private static long delivered(BenchStack stack) throws Exception {
        return count(stack, "SELECT count(*) FROM delivery WHERE status = 'DELIVERED'");
    }

    private static long count(BenchStack stack, String sql) throws Exception {
        try (Connection notification = stack.database("notification"); Statement statement = notification.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
