package org.iprharbor.bench.scenario;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.iprharbor.bench.stack.BenchStack;
import org.iprharbor.bench.stack.Http;

/**
 * Offers the API accepts, spread over the demo data: non-exclusive licences (a patent can carry many open offers
 * at once) of FREE patents, each offered by every partner that does not own it. Request {@code n} is the
 * n-th pair, round robin, so rows and locks are spread as real traffic would spread them.
 */
public final class OfferWorkload {

    /** A buyer with its token and a patent it may make an offer for. */
    public record Pair(String buyerId, String buyerToken, String patentId, String sellerId, String sellerToken) {
    }

    private final URI deals;
    private final List<Pair> pairs;
    private final String validUntil = Instant.now().plus(300, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

    private OfferWorkload(URI deals, List<Pair> pairs) {
        this.deals = deals;
        this.pairs = pairs;
    }

    public static OfferWorkload from(BenchStack stack) throws Exception {
        List<String[]> patents = new ArrayList<>();
        List<String> partners = new ArrayList<>();
        try (Connection deal = stack.database("deal"); Statement sql = deal.createStatement()) {
            try (ResultSet rows = sql.executeQuery("""
                    SELECT id, owner_id FROM known_patent WHERE status = 'AVAILABLE' AND export_class = 'FREE'
                    AND deal_types @> '["NON_EXCLUSIVE_LICENCE"]' ORDER BY id""")) {
                while (rows.next()) {
                    patents.add(new String[] { rows.getString(1), rows.getString(2) });
                }
            }
            try (ResultSet rows = sql.executeQuery("SELECT id FROM known_partner ORDER BY id")) {
                while (rows.next()) {
                    partners.add(rows.getString(1));
                }
            }
        }
        Map<String, String> tokens = new HashMap<>();
        partners.forEach(partner -> tokens.put(partner, stack.partnerToken(partner)));
        List<Pair> pairs = new ArrayList<>();
        for (String[] patent : patents) {
            for (String buyer : partners) {
                if (!buyer.equals(patent[1]) && tokens.containsKey(patent[1])) {
                    pairs.add(new Pair(buyer, tokens.get(buyer), patent[0], patent[1], tokens.get(patent[1])));
                }
            }
        }
        if (pairs.isEmpty()) {
            throw new IllegalStateException("deal-service knows no FREE patents offered for non-exclusive licence: was the stack seeded?");
        }
        return new OfferWorkload(stack.url("deal-service", "/deals"), pairs);
    }

    public Pair pair(long n) {
        return pairs.get((int) (n % pairs.size()));
    }

    public int size() {
        return pairs.size();
    }

    /** The seller's acceptance of the offer that opened a deal (its version is 0 until someone acts on it). */
    public HttpRequest accept(Pair pair, String dealId) {
        return Http.request(URI.create(deals + "/" + dealId + "/accept"), pair.sellerToken()).header("If-Match", "\"0\"")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    public HttpRequest offer(long n) {
        Pair pair = pair(n);
        return Http.postJson(deals, pair.buyerToken(), Map.of(
                "patentId", pair.patentId(),
                "dealType", "NON_EXCLUSIVE_LICENCE",
                "validUntil", validUntil,
                "terms", Map.of("price", Map.of("amount", "120000.00", "currency", "CNY"), "royaltyPercent", 2.5,
                        "territory", List.of("KZ", "UZ"), "termYears", 5, "fieldOfUse", "benchmark load"))).build();
    }
}
