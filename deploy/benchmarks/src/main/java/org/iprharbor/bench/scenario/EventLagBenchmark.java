package org.iprharbor.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

import org.iprharbor.bench.driver.LoadProfile;
import org.iprharbor.bench.driver.LoadResult;
import org.iprharbor.bench.driver.Outcome;
import org.iprharbor.bench.report.Report;
import org.iprharbor.bench.report.SvgChart;
import org.iprharbor.bench.stack.Backlogs;
import org.iprharbor.bench.stack.Http;
import org.iprharbor.bench.stack.KafkaLagProbe;
import org.iprharbor.bench.stack.Subscriptions;
import org.iprharbor.bench.stack.WebhookReceiver;

import static org.iprharbor.bench.report.Report.number;

/**
 * Item 3: how long events take to leave, at half the offers' max rate. Commit → record on Kafka (a consumer
 * of harbor.deals.v1 compares each record's ce_time with its arrival), and offer accepted → signed webhook at a
 * loopback receiver (every fifth offer is accepted by its seller; the receiver verifies the signature and
 * compares the CloudEvent's time with its arrival).
 */
public final class EventLagBenchmark implements Benchmark {

    private static final double RATE_WITHOUT_OFFERS_RUN = 10;
    private static final int ACCEPT_EVERY = 5;
    static final String ACCEPTED = "org.iprharbor.deal.offer-accepted.v1";

    @Override
    public String name() {
        return "lag";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        double rate = Math.max(1, Math.floor(context.maxOfferRate().orElse(RATE_WITHOUT_OFFERS_RUN * 2) * 0.5));
        OfferWorkload offers = OfferWorkload.from(context.stack());
        Subscriptions subscriptions = new Subscriptions(context.stack(), context.http());
        List<KafkaLagProbe.Sample> webhookSamples = Collections.synchronizedList(new ArrayList<>());
        AtomicLong accepted = new AtomicLong();
        AtomicLong acceptFailures = new AtomicLong();
        LoadProfile profile = context.settings().steady(rate);
        BenchContext.progress("lag: waiting for the queues earlier parts left behind to empty");
        double waited = Backlogs.awaitIdle(context.stack(), Duration.ofMinutes(5));
        try (KafkaLagProbe kafka = new KafkaLagProbe(context.stack().config().kafkaBootstrap(), "harbor.deals.v1");
                WebhookReceiver receiver = WebhookReceiver.answering(FanoutBenchmark.firstReceiverPort(), 0)) {
            String subscription = subscriptions.subscribe(receiver, List.of(ACCEPTED));
            receiver.onLag(lag -> webhookSamples.add(new KafkaLagProbe.Sample(System.currentTimeMillis(), lag)));
            kafka.awaitAssignment(Duration.ofSeconds(30));
            long start = System.currentTimeMillis();
            LoadResult load = context.load("offer+accept", profile, n -> n % ACCEPT_EVERY == 0
                    ? offerThenAccept(context.http(), offers, n, accepted, acceptFailures)
                    : context.http().sendAsync(offers.offer(n)));
            long from = start + profile.measuredFromNanos() / 1_000_000;
            long to = start + profile.endNanos() / 1_000_000;
            awaitQuiet(() -> kafka.samples().size());
            awaitWebhooks(receiver, accepted.get());
            subscriptions.delete(subscription);
            LagStats toKafka = LagStats.of(kafka.samples(), from, to);
            LagStats toWebhook = LagStats.of(webhookSamples, from, to);
            report(context.report(), rate, load, toKafka, toWebhook, accepted.get(), acceptFailures.get(), receiver, waited);
        }
    }

    private static CompletionStage<Outcome> offerThenAccept(Http http, OfferWorkload offers, long n, AtomicLong accepted,
            AtomicLong failures) {
        OfferWorkload.Pair pair = offers.pair(n);
        return http.sendAsyncForBody(offers.offer(n)).thenApply(response -> {
            if (response.statusCode() != 201) {
                return Outcome.ERROR;
            }
            try {
                String dealId = Http.JSON.readTree(response.body()).path("id").asText();
                http.sendAsync(offers.accept(pair, dealId)).whenComplete((outcome, failure) -> {
                    if (failure == null && outcome == Outcome.OK) {
                        accepted.incrementAndGet();
                    } else {
                        failures.incrementAndGet();
                    }
                });
                return Outcome.OK;
            } catch (java.io.IOException e) {
                return Outcome.ERROR;
            }
        });
    }

    /** Waits until no new record arrived for 2 s (at most 60 s): the events of the last offers are in. */
    private static void awaitQuiet(java.util.function.IntSupplier count) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        int seen = -1;
        while (count.getAsInt() != seen && System.nanoTime() < deadline) {
            seen = count.getAsInt();
            Thread.sleep(2_000);
        }
    }

    /** Waits (up to 60 s) until every accepted deal's webhook arrived. */
    private static void awaitWebhooks(WebhookReceiver receiver, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (receiver.verified() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static void report(Report report, double rate, LoadResult load, LagStats toKafka, LagStats toWebhook,
            long accepted, long acceptFailures, WebhookReceiver receiver, double waited) {
        report.aim("Commit → record on Kafka at 50 % load", "p99 ≤ 100 ms", number(toKafka.percentile(99)) + " ms",
                toKafka.percentile(99) <= 100, "");
        report.aim("Offer accepted → signed webhook received at 50 % load", "p99 ≤ 250 ms", number(toWebhook.percentile(99)) + " ms",
                toWebhook.percentile(99) <= 250, "");
        SvgChart chart = new SvgChart("Event lag over the steady phase (" + number(rate) + " offers/s)", "second of the steady phase",
                "lag (ms)");
        chart.add("commit→Kafka p50", toKafka.overTime(50)).add("commit→Kafka p99", toKafka.overTime(99))
                .add("accepted→webhook p99", toWebhook.overTime(99));
        String image = report.chart("event-lag-over-time.svg", chart);
        report.section("""
                ## 3. Event lag at 50 %% load
                Offers at %s/s (half the max rate found in 1, or 10/s when `offers` did not run first; every %dth accepted by
                its seller: %d acceptances, %d failed ones), with a fresh Kafka consumer on `harbor.deals.v1` and one webhook
                subscription for `%s` pointing at a loopback receiver that checks each signature (%d verified, %d bad).
                Lags are of the events that happened during the steady phase, however late they arrived (the harness
                waits up to 60 s for them). Before it began, the harness waited %.0f s for the outbox and the delivery
                queue to empty of what earlier parts left (each offer also queues an email to both parties).

                %s
                Commit → Kafka runs from `ce_time` (stamped in the committing transaction, just before the commit) to the
                consumer's receipt: it includes the relay's wake-up, the broker's acks=all write and the consumer's fetch.
                Accepted → webhook runs from the same `ce_time` to the receiver: relay, Kafka, notification-service's
                consumer and its durable delivery queue, then the signed POST.

                %s
                """.formatted(number(rate), ACCEPT_EVERY, accepted, acceptFailures, ACCEPTED, receiver.verified(), receiver.badSignatures(), waited,
                Report.table(List.of("path", "events", "p50 ms", "p99 ms", "max ms"), List.of(
                        List.of("commit → record on Kafka", String.valueOf(toKafka.count()), number(toKafka.percentile(50)),
                                number(toKafka.percentile(99)), number(toKafka.max())),
                        List.of("offer accepted → signed webhook received", String.valueOf(toWebhook.count()),
                                number(toWebhook.percentile(50)), number(toWebhook.percentile(99)), number(toWebhook.max())),
                        List.of("(the offers themselves: " + load.errors() + " errors)", String.valueOf(load.completed()),
                                number(load.percentileMillis(50)), number(load.percentileMillis(99)), number(load.maxMillis())))),
                image));
    }
}
