package org.iprharbor.reliability.load;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.iprharbor.reliability.verify.Databases;
import org.iprharbor.stack.LocalStack;

/**
 * Opening offers for the demo catalog's RESTRICTED non-exclusive patents from buyers in other countries: each deal
 * goes straight to the authority's review of the letter of intent, so it owes the INTENT_REVIEW deadline (30 working
 * days) with its reminders and its missed-deadline timer, all from one request.
 */
public final class RestrictedOffers {

    private static final Duration TOKEN_LIFETIME = Duration.ofHours(3);
    private static final int IN_FLIGHT = 16;

    private final List<Pair> pairs;
    private final HarborClient client;
    private final String dealUrl;

    /** A patent and a buyer across its border, with the buyer's token. */
    private record Pair(String patentId, String buyerToken) {
    }

    /** Every offer made, by outcome (e.g. {@code 201}), and the ids of the deals opened. */
    public record Made(List<String> dealIds, Map<String, Long> outcomes) {
    }

    private RestrictedOffers(List<Pair> pairs, HarborClient client, String dealUrl) {
        this.pairs = pairs;
        this.client = client;
        this.dealUrl = dealUrl;
    }

    /** Pairs each restricted patent with every demo partner in another country than its jurisdiction but its owner. */
    public static RestrictedOffers of(LocalStack stack, HarborClient client, String dealUrl) {
        Map<String, String> countryById = new Databases(stack.postgres()).rows("deal", "SELECT id, country FROM known_partner")
                .stream().map(row -> row.split("\\|")).collect(Collectors.toMap(row -> row[0], row -> row[1]));
        List<String> partners = new ArrayList<>(stack.demoPartners().values());
        String anyToken = stack.keys().token(partners.get(0), "partner", TOKEN_LIFETIME);
        HarborClient.Reply page = client.get(stack.config().services().get(0).baseUrl()
                + "/patents?dealType=NON_EXCLUSIVE_LICENCE&exportClass=RESTRICTED&limit=100", anyToken).join();
        if (!page.ok()) {
            throw new IllegalStateException("cannot list restricted patents: " + page.status() + " " + page.body());
        }
        List<Pair> pairs = new ArrayList<>();
        try {
            for (JsonNode patent : new ObjectMapper().readTree(page.body()).get("items")) {
                for (String buyer : partners) {
                    if (!patent.get("jurisdiction").asText().equals(countryById.get(buyer))
                            && !patent.get("ownerId").asText().equals(buyer)) {
                        pairs.add(new Pair(patent.get("id").asText(), stack.keys().token(buyer, "partner", TOKEN_LIFETIME)));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable patent page", e);
        }
        if (pairs.isEmpty()) {
            throw new IllegalStateException("the demo catalog has no RESTRICTED non-exclusive patent to offer across a border");
        }
        return new RestrictedOffers(pairs, client, dealUrl);
    }

    /** Makes {@code count} offers, {@value #IN_FLIGHT} at a time, spread over the pairs (and so over buyers' rate limits). */
    public Made make(int count) {
        List<String> dealIds = new ArrayList<>();
        Map<String, Long> outcomes = new TreeMap<>();
        for (int first = 0; first < count; first += IN_FLIGHT) {
            List<CompletableFuture<HarborClient.Reply>> wave = new ArrayList<>();
            for (int i = first; i < Math.min(count, first + IN_FLIGHT); i++) {
                Pair pair = pairs.get(i % pairs.size());
                wave.add(client.post(dealUrl + "/deals", pair.buyerToken(), UUID.randomUUID().toString(), body(pair)));
            }
            for (CompletableFuture<HarborClient.Reply> sent : wave) {
                HarborClient.Reply reply = sent.join();
                outcomes.merge(reply.status() == 0 ? "no answer" : Integer.toString(reply.status()), 1L, Long::sum);
                if (reply.status() == 201) {
                    dealIds.add(reply.field("id"));
                }
            }
        }
        return new Made(List.copyOf(dealIds), outcomes);
    }

    private static String body(Pair pair) {
        return """
                {"patentId":"%s","dealType":"NON_EXCLUSIVE_LICENCE","validUntil":"%s",
                 "terms":{"price":{"amount":"400000.00","currency":"CNY"},"royaltyPercent":3,"territory":["KZ"],
                          "termYears":5,"fieldOfUse":"deadline clock drill"}}""".formatted(pair.patentId(),
                Instant.now().plus(Duration.ofDays(30)));
    }
}
