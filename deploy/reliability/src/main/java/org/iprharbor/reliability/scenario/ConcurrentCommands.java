package org.iprharbor.reliability.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.iprharbor.reliability.load.HarborClient;
import org.iprharbor.reliability.load.PacedLoad;
import org.iprharbor.reliability.load.Trade;
import org.iprharbor.reliability.verify.Databases;
import org.iprharbor.reliability.verify.TopicRecords;

/**
 * Scenario 8: 50 concurrent conflicting commands on one deal (accept, counter, reject, withdraw from both
 * parties) and 50 concurrent offers with one Idempotency-Key: exactly one effect each time, in the database,
 * on Kafka and in the partners' inboxes.
 */
public final class ConcurrentCommands implements Scenario {

    private static final int CONCURRENCY = 50;

    @Override
    public String name() {
        return "concurrent-commands";
    }

    @Override
    public String fault() {
        return "50 concurrent conflicting commands on one deal; 50 concurrent offers with one Idempotency-Key";
    }

    @Override
    public Result run(ScenarioContext context) throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> observations = new ArrayList<>();
        Databases databases = new Databases(context.stack().postgres());
        Trade trade = context.trades().get(0);
        HarborClient client = context.client();

        String key = "same-key-" + UUID.randomUUID();
        String body = PacedLoad.offerBody(trade);
        List<HarborClient.Reply> offers = all(CONCURRENCY, i -> client.post(context.dealUrl() + "/deals",
                trade.buyerToken(), key, body));
        Map<String, Long> offerOutcomes = outcomes(offers);
        List<String> ids = offers.stream().filter(HarborClient.Reply::ok).map(reply -> reply.field("id")).distinct().toList();
        check(failures, offers.stream().allMatch(HarborClient.Reply::ok), "identical offers not all 2xx: " + offerOutcomes);
        check(failures, offers.stream().filter(reply -> reply.status() == 201).count() == 1,
                "identical offers created more or less than one deal: " + offerOutcomes);
        check(failures, ids.size() == 1, "identical offers answered with " + ids.size() + " deal ids");
        String dealId = ids.get(0);
        check(failures, databases.count("deal", "SELECT count(*) FROM idempotency_key WHERE idem_key = ?", key) == 1,
                "idempotency key stored more than once");
        observations.add("identical offers: " + offerOutcomes);

        // Half are the same accept without If-Match (only the first can apply: the rest find AGREED); the other
        // half are every other command either party may send, each with If-Match on the version just read.
        String url = context.dealUrl() + "/deals/" + dealId;
        String read = "\"0\"";
        List<HarborClient.Reply> commands = all(CONCURRENCY, i -> switch (i % 8) {
            case 1 -> client.post(url + "/counter", trade.sellerToken(), null, read,
                    "{\"terms\":{\"price\":{\"amount\":\"95000.00\",\"currency\":\"CNY\"},\"royaltyPercent\":2,"
                            + "\"territory\":[\"KZ\"],\"termYears\":3}}");
            case 3 -> client.post(url + "/reject", trade.sellerToken(), null, read, "{}");
            case 5 -> client.post(url + "/withdraw", trade.buyerToken(), null, read, "{}");
            case 7 -> client.post(url + "/accept", trade.sellerToken(), null, read, null);
            default -> client.post(url + "/accept", trade.sellerToken(), null, null, null);
        });
        Map<String, Long> commandOutcomes = outcomes(commands);
        observations.add("conflicting commands: " + commandOutcomes);
        check(failures, commands.stream().filter(HarborClient.Reply::ok).count() == 1,
                "conflicting commands: not exactly one winner: " + commandOutcomes);
        check(failures, commands.stream().allMatch(reply -> reply.ok() || reply.status() == 409 || reply.status() == 412),
                "conflicting commands: losers must get 409/412: " + commandOutcomes);
        check(failures, "1".equals(databases.rows("deal", "SELECT version FROM deal WHERE id = ?::uuid", dealId).get(0)),
                "the deal moved more than one version");

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<TopicRecords.Event> events = List.of();
        long inboxItems = 0;
        while (System.nanoTime() < deadline && (events.size() < 2 || inboxItems < 4)) {
            Thread.sleep(1_000);
            events = TopicRecords.read(context.stack().config().kafkaBootstrap(), "harbor.deals.v1").stream()
                    .filter(event -> dealId.equals(event.subject())).toList();
            inboxItems = databases.count("notification", "SELECT count(*) FROM inbox_item WHERE subject_id = ?", dealId);
        }
        long distinctEvents = events.stream().map(TopicRecords.Event::id).distinct().count();
        check(failures, distinctEvents == 2, "the deal has " + distinctEvents + " events on Kafka (expected opened + one command)");
        check(failures, inboxItems == 4, inboxItems + " inbox items for the deal (expected 2 events × 2 parties)");
        long effects = offerOutcomes.getOrDefault("201", 0L) + commands.stream().filter(HarborClient.Reply::ok).count();
        return new Result(name(), fault(), 0, 0, 2L * CONCURRENCY, effects, merge(offerOutcomes, commandOutcomes),
                Math.max(0, 2 - distinctEvents), Math.max(0, distinctEvents - 2) + Math.max(0, inboxItems - 4),
                events.size() - distinctEvents, Map.of(), Map.of(), 0, 60, observations, failures);
    }

    private interface Request {
        CompletableFuture<HarborClient.Reply> send(int index);
    }

    private static List<HarborClient.Reply> all(int count, Request request) {
        List<CompletableFuture<HarborClient.Reply>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(request.send(i));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private static Map<String, Long> outcomes(List<HarborClient.Reply> replies) {
        return replies.stream().collect(Collectors.groupingBy(reply -> Integer.toString(reply.status()), TreeMap::new,
                Collectors.counting()));
    }

    private static Map<String, Long> merge(Map<String, Long> offers, Map<String, Long> commands) {
        Map<String, Long> merged = new TreeMap<>();
        offers.forEach((status, count) -> merged.put("offer " + status, count));
        commands.forEach((status, count) -> merged.put("command " + status, count));
        return merged;
    }

    private static void check(List<String> failures, boolean condition, String failure) {
        if (!condition) {
            failures.add(failure);
        }
    }
}
