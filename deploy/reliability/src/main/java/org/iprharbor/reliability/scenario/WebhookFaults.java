package org.iprharbor.reliability.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.iprharbor.reliability.load.HarborClient;
import org.iprharbor.reliability.load.Ledger;
import org.iprharbor.reliability.load.PacedLoad;
import org.iprharbor.reliability.load.Trade;
import org.iprharbor.reliability.receiver.ResettingReceiver;
import org.iprharbor.reliability.receiver.WebhookReceiver;
import org.iprharbor.reliability.receiver.WebhookReceiver.Behaviour;
import org.iprharbor.reliability.verify.TopicRecords;
import org.iprharbor.stack.StackConfig;

/**
 * Scenario 7: integrators' endpoints that are slow, hang, answer 500, 429 with Retry-After, 410, or reset the
 * connection, subscribed mid-load beside the good one: retries follow the schedule (10 s doubling, ±20 %; Retry-After
 * instead when given), 410 disables its subscription after one request, and the good endpoint is not held up.
 */
public final class WebhookFaults extends FaultUnderLoad {

    private static final Duration GOOD_LAG_P99 = Duration.ofSeconds(5);
    private static final double POLL_SLACK_SECONDS = 1.5;
    private static final String EVERY_DEAL_EVENT = "org.iprharbor.deal.*";
    private static final String REJECTED = "org.iprharbor.deal.offer-rejected.v1";

    private final Map<String, String> subscriptionByEndpoint = new LinkedHashMap<>();
    private ResettingReceiver resetting;

    @Override
    public String name() {
        return "webhook-endpoint-faults";
    }

    @Override
    public String fault() {
        return "webhook endpoints that are slow, hang, answer 500, 429 + Retry-After, 410, or reset the connection";
    }

    @Override
    protected Duration afterFault(ScenarioContext context) {
        return Duration.ofSeconds(45); // long enough for a 500 endpoint's attempts at about 0, 10 and 30 s
    }

    @Override
    protected void inject(ScenarioContext context, Ledger ledger, Findings findings) throws Exception {
        resetting = new ResettingReceiver(StackConfig.freePort());
        // Endpoints that see every event of the load would reach 15 consecutive failures (and be disabled) within
        // a second, so the retry schedule is watched on endpoints that see only rejections, two of them here.
        for (Behaviour behaviour : List.of(Behaviour.SLOW, Behaviour.FAIL_500, Behaviour.THROTTLE_429)) {
            subscribe(context, behaviour.name(), context.receiver().url(behaviour), REJECTED);
        }
        subscribe(context, Behaviour.HANG.name(), context.receiver().url(Behaviour.HANG), EVERY_DEAL_EVENT);
        subscribe(context, Behaviour.GONE_410.name(), context.receiver().url(Behaviour.GONE_410), EVERY_DEAL_EVENT);
        subscribe(context, "RESET", resetting.url(), EVERY_DEAL_EVENT);
        for (int i = 0; i < 2; i++) {
            reject(context, context.trades().get(i));
        }
    }

    private static void reject(ScenarioContext context, Trade trade) {
        HarborClient.Reply offered = context.client().post(context.dealUrl() + "/deals", trade.buyerToken(), null,
                PacedLoad.offerBody(trade)).join();
        HarborClient.Reply rejected = context.client().post(context.dealUrl() + "/deals/" + offered.field("id")
                + "/reject", trade.sellerToken(), null, "{\"reason\":\"reliability drill\"}").join();
        if (!rejected.ok()) {
            throw new IllegalStateException("cannot reject: " + rejected.body());
        }
    }

    @Override
    protected void afterDrain(ScenarioContext context, Ledger ledger, Findings findings) throws Exception {
        try {
            checkGoodEndpointNotHeldUp(context, ledger, findings);
            checkBackoff(context.receiver().receipts(Behaviour.FAIL_500), findings);
            checkRetryAfter(context.receiver().receipts(Behaviour.THROTTLE_429), findings);
            int gone = context.receiver().receipts(Behaviour.GONE_410).size();
            HarborClient.Reply goneSubscription = context.client().get(context.url("notification-service")
                    + "/subscriptions/" + subscriptionByEndpoint.get("GONE_410"), context.integratorToken()).join();
            findings.check(gone == 1, "the 410 endpoint got " + gone + " requests (expected exactly one)");
            findings.check(goneSubscription.body().contains("\"enabled\":false"),
                    "the 410 endpoint's subscription is still enabled: " + goneSubscription.body());
            findings.check(resetting.resets() >= 2, "the resetting endpoint was tried " + resetting.resets() + " times");
            int slow = context.receiver().receipts(Behaviour.SLOW).size();
            findings.check(slow == 2, "the slow endpoint answered " + slow + " requests (expected the 2 rejections once)");
            findings.observe("resetting endpoint tried " + resetting.resets() + " times; slow endpoint answered " + slow
                    + " requests");
        } finally {
            for (String id : subscriptionByEndpoint.values()) {
                context.client().delete(context.url("notification-service") + "/subscriptions/" + id,
                        context.integratorToken()).join();
            }
            resetting.close();
        }
    }

    private void subscribe(ScenarioContext context, String endpoint, String url, String eventType) {
        HarborClient.Reply created = context.client().post(context.url("notification-service") + "/subscriptions",
                context.integratorToken(), null, "{\"url\":\"" + url + "\",\"eventTypes\":[\"" + eventType + "\"]}").join();
        if (created.status() != 201) {
            throw new IllegalStateException("cannot subscribe " + url + ": " + created.body());
        }
        subscriptionByEndpoint.put(endpoint, created.field("id"));
    }

    /** Lag from the event's time to its receipt at the good endpoint, for this scenario's deals. */
    private static void checkGoodEndpointNotHeldUp(ScenarioContext context, Ledger ledger, Findings findings) {
        Set<String> deals = ledger.offered();
        Map<String, Instant> timeById = TopicRecords.read(context.stack().config().kafkaBootstrap(), "harbor.deals.v1")
                .stream().filter(event -> event.subject() != null && deals.contains(event.subject()))
                .collect(Collectors.toMap(TopicRecords.Event::id, event -> Instant.parse(event.headers().get("ce_time")),
                        (first, second) -> first));
        List<Long> lags = context.receiver().receipts(Behaviour.OK).stream()
                .filter(receipt -> timeById.containsKey(receipt.webhookId()))
                .map(receipt -> Duration.between(timeById.get(receipt.webhookId()), receipt.at()).toMillis())
                .sorted().toList();
        if (lags.isEmpty()) {
            findings.check(false, "the good endpoint received nothing");
            return;
        }
        long p50 = lags.get(lags.size() / 2);
        long p99 = lags.get(Math.min(lags.size() - 1, (int) Math.ceil(lags.size() * 0.99) - 1));
        findings.observe("good endpoint lag p50 " + p50 + " ms, p99 " + p99 + " ms, max " + lags.get(lags.size() - 1)
                + " ms over " + lags.size() + " events");
        findings.check(p99 <= GOOD_LAG_P99.toMillis(), "the good endpoint was held up: p99 lag " + p99 + " ms");
    }

    /** Attempt n+1 comes 10 s × 2^(n-1) (±20 %) after attempt n, plus up to a poll interval. */
    private static void checkBackoff(List<WebhookReceiver.Receipt> receipts, Findings findings) {
        List<String> intervals = new ArrayList<>();
        receipts.stream().collect(Collectors.groupingBy(WebhookReceiver.Receipt::webhookId)).values().forEach(attempts -> {
            List<Instant> times = attempts.stream().map(WebhookReceiver.Receipt::at).sorted(Comparator.naturalOrder()).toList();
            for (int n = 1; n < times.size(); n++) {
                double expected = 10 * Math.pow(2, n - 1);
                double seconds = Duration.between(times.get(n - 1), times.get(n)).toMillis() / 1000.0;
                intervals.add(String.format("%.1f", seconds));
                findings.check(seconds >= expected * 0.8 - 0.1 && seconds <= expected * 1.2 + POLL_SLACK_SECONDS,
                        String.format("500 endpoint: attempt %d came %.1f s after the previous (expected %.0f s ± 20 %%)",
                                n + 1, seconds, expected));
            }
        });
        findings.check(!intervals.isEmpty(), "the 500 endpoint was never retried");
        findings.observe(intervals.size() + " retries at the 500 endpoint");
    }

    private static void checkRetryAfter(List<WebhookReceiver.Receipt> receipts, Findings findings) {
        List<Double> intervals = new ArrayList<>();
        receipts.stream().collect(Collectors.groupingBy(WebhookReceiver.Receipt::webhookId)).values().forEach(attempts -> {
            List<Instant> times = attempts.stream().map(WebhookReceiver.Receipt::at).sorted().toList();
            for (int n = 1; n < times.size(); n++) {
                intervals.add(Duration.between(times.get(n - 1), times.get(n)).toMillis() / 1000.0);
            }
        });
        findings.check(!intervals.isEmpty(), "the 429 endpoint was never retried");
        findings.check(intervals.stream().allMatch(seconds -> seconds >= 3 && seconds <= 3 + POLL_SLACK_SECONDS + 1),
                "429 endpoint: retries did not follow Retry-After: 3 → " + intervals);
        findings.observe(intervals.size() + " retries at the 429 endpoint, " + intervals.stream().mapToDouble(d -> d)
                .min().orElse(0) + "–" + intervals.stream().mapToDouble(d -> d).max().orElse(0) + " s apart");
    }
}
