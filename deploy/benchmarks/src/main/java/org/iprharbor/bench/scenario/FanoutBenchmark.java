package org.iprharbor.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.iprharbor.bench.driver.LoadProfile;
import org.iprharbor.bench.driver.LoadResult;
import org.iprharbor.bench.report.Report;
import org.iprharbor.bench.report.SvgChart;
import org.iprharbor.bench.stack.Backlogs;
import org.iprharbor.bench.stack.Subscriptions;
import org.iprharbor.bench.stack.WebhookReceiver;

import static org.iprharbor.bench.report.Report.number;

/**
 * Item 6: webhook fan-out. 50 loopback receivers (each answers in 5 ms) subscribe to {@code deal-opened}; a burst
 * of offers queues 50 deliveries each, and the rate at which signed deliveries arrive is measured from the first
 * to the last. Then 5 of the subscriptions are moved to receivers that never answer, and the 45 healthy ones'
 * rate is measured again: they must keep at least 90 % of it.
 */
public final class FanoutBenchmark implements Benchmark {

    private static final int RECEIVERS = 50;
    private static final int HANGING = 5;
    private static final long ANSWER_MILLIS = 5;
    private static final double OFFER_RATE = 20;
    private static final String OPENED = "org.iprharbor.deal.deal-opened.v1";

    /** Webhook receivers listen from this port up (HARBOR_WEBHOOK_PORT, default 22200). */
    static int firstReceiverPort() {
        String port = System.getenv("HARBOR_WEBHOOK_PORT");
        return port == null || port.isBlank() ? 22200 : Integer.parseInt(port);
    }

    @Override
    public String name() {
        return "fanout";
    }

    /** How fast the watched receivers got their deliveries, and over time (seconds, deliveries/s). */
    private record Phase(String name, int receivers, long delivered, double seconds, List<double[]> overTime) {

        double rate() {
            return delivered / seconds;
        }

        double perReceiver() {
            return rate() / receivers;
        }
    }

    @Override
    public void run(BenchContext context) throws Exception {
        OfferWorkload offers = OfferWorkload.from(context.stack());
        Subscriptions subscriptions = new Subscriptions(context.stack(), context.http());
        int burst = context.settings().quick() ? 20 : 40;
        List<WebhookReceiver> receivers = new ArrayList<>();
        List<WebhookReceiver> hanging = new ArrayList<>();
        List<String> subscriptionIds = new ArrayList<>();
        try {
            for (int i = 0; i < RECEIVERS; i++) {
                WebhookReceiver receiver = WebhookReceiver.answering(firstReceiverPort() + 1 + i, ANSWER_MILLIS);
                receivers.add(receiver);
                subscriptionIds.add(subscriptions.subscribe(receiver, List.of(OPENED)));
            }
            phase(context, offers, "warm-up", receivers, burst / 4, 0); // the first deliveries pay for JIT and connections
            Phase healthy = phase(context, offers, "50 healthy", receivers, burst, burst);
            for (int i = 0; i < HANGING; i++) {
                subscriptions.delete(subscriptionIds.remove(subscriptionIds.size() - 1));
                WebhookReceiver stuck = WebhookReceiver.hanging(firstReceiverPort() + 1 + RECEIVERS + i);
                hanging.add(stuck);
                subscriptionIds.add(subscriptions.subscribe(stuck, List.of(OPENED)));
            }
            List<WebhookReceiver> stillHealthy = receivers.subList(0, RECEIVERS - HANGING);
            Phase withHanging = phase(context, offers, "45 healthy beside 5 hanging", stillHealthy, burst, 2L * burst);
            report(context.report(), burst, healthy, withHanging);
        } finally {
            for (String id : subscriptionIds) {
                subscriptions.delete(id);
            }
            receivers.forEach(WebhookReceiver::close);
            hanging.forEach(WebhookReceiver::close);
        }
    }

    private static Phase phase(BenchContext context, OfferWorkload offers, String name, List<WebhookReceiver> watched,
            int burst, long firstOffer) throws Exception {
        double waited = Backlogs.awaitIdle(context.stack(), Duration.ofMinutes(5));
        BenchContext.progress(String.format("fan-out (%s): the queues were empty after %.0f s", name, waited));
        long before = delivered(watched);
        List<double[]> overTime = new ArrayList<>();
        long[] firstAndLast = { 0, 0 };
        long started = System.nanoTime();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        long[] previous = { before };
        sampler.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            long count = delivered(watched);
            if (count > previous[0]) {
                if (firstAndLast[0] == 0) {
                    firstAndLast[0] = now;
                }
                firstAndLast[1] = now;
            }
            overTime.add(new double[] { (now - started) / 1e9, (count - previous[0]) * 4.0 });
            previous[0] = count;
        }, 250, 250, TimeUnit.MILLISECONDS);
        BenchContext.progress("fan-out (" + name + "): " + burst + " offers at " + OFFER_RATE + "/s");
        LoadProfile profile = new LoadProfile(OFFER_RATE, Duration.ZERO, Duration.ZERO, Duration.ofMillis((long) (burst * 1000 / OFFER_RATE)));
        LoadResult load = context.load("fanout offers", profile, n -> context.http().sendAsync(offers.offer(firstOffer + n)));
        long expected = before + load.completed() * watched.size();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (delivered(watched) < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(300); // one more sample after the last delivery
        sampler.shutdownNow();
        long delivered = delivered(watched) - before;
        double seconds = Math.max(0.25, (firstAndLast[1] - firstAndLast[0]) / 1e9 + 0.25);
        Phase phase = new Phase(name, watched.size(), delivered, seconds, List.copyOf(overTime));
        BenchContext.progress(String.format("  = %s: %,d of %,d deliveries in %.1f s: %.0f/s, %.1f/s per receiver", name, delivered,
                expected - before, seconds, phase.rate(), phase.perReceiver()));
        return phase;
    }

    private static long delivered(List<WebhookReceiver> receivers) {
        return receivers.stream().mapToLong(WebhookReceiver::verified).sum();
    }

    private static void report(Report report, int burst, Phase healthy, Phase withHanging) {
        double kept = withHanging.perReceiver() / healthy.perReceiver();
        report.aim("Webhook fan-out: healthy receivers' rate beside 5 hanging ones", "≥ 90 % of their rate",
                String.format("%.0f %%", kept * 100), kept >= 0.9, "");
        SvgChart chart = new SvgChart("Webhook deliveries per second to the healthy receivers", "seconds since the burst began",
                "deliveries/s");
        chart.add(healthy.name(), healthy.overTime()).add(withHanging.name(), withHanging.overTime());
        String image = report.chart("webhook-fanout.svg", chart);
        report.section("""
                ## 6. Webhook fan-out
                50 loopback receivers, each answering 204 after %d ms and verifying every signature, subscribe to `%s`;
                %d offers at %s/s queue 50 deliveries each (after an unmeasured warm-up burst, and once the delivery queue
                is empty of earlier work; each offer also queues two emails). The rate runs from the first delivery to the last. Then 5 of the
                subscriptions point at receivers that accept the connection and never answer (notification-service gives
                up after its 10 s timeout and retries later) and the burst is repeated.

                %s
                The healthy receivers kept **%.0f %%** of their per-receiver rate.

                %s
                """.formatted(ANSWER_MILLIS, OPENED, burst, number(OFFER_RATE),
                Report.table(List.of("phase", "receivers watched", "deliveries", "seconds", "deliveries/s", "per receiver /s"), List.of(
                        row(healthy), row(withHanging))), kept * 100, image));
    }

    private static List<String> row(Phase phase) {
        return List.of(phase.name(), String.valueOf(phase.receivers()), String.valueOf(phase.delivered()),
                number(phase.seconds()), number(phase.rate()), number(phase.perReceiver()));
    }
}
