package org.iprharbor.reliability.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.iprharbor.stack.LocalStack;

/**
 * Pairs the demo data's FREE non-exclusive-licence patents with buyers from other partners, read through the
 * catalog's API.
 */
public final class Trades {

    private static final Duration TOKEN_LIFETIME = Duration.ofHours(3);

    private Trades() {
    }

    public static List<Trade> of(LocalStack stack, HarborClient client) {
        List<String> partners = new ArrayList<>(stack.demoPartners().values());
        String anyToken = stack.keys().token(partners.get(0), "partner", TOKEN_LIFETIME);
        String url = stack.config().services().get(0).baseUrl()
                + "/patents?dealType=NON_EXCLUSIVE_LICENCE&exportClass=FREE&limit=100";
        HarborClient.Reply page = client.get(url, anyToken).join();
        if (!page.ok()) {
            throw new IllegalStateException("cannot list patents: " + page.status() + " " + page.body());
        }
        List<Trade> trades = new ArrayList<>();
        try {
            JsonNode items = new ObjectMapper().readTree(page.body()).get("items");
            int next = 0;
            for (JsonNode patent : items) {
                String owner = patent.get("ownerId").asText();
                String buyer = partners.get(next++ % partners.size());
                if (buyer.equals(owner)) {
                    buyer = partners.get(next++ % partners.size());
                }
                trades.add(new Trade(patent.get("id").asText(), buyer,
                        stack.keys().token(buyer, "partner", TOKEN_LIFETIME), owner,
                        stack.keys().token(owner, "partner", TOKEN_LIFETIME)));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable patent page", e);
        }
        if (trades.isEmpty()) {
            throw new IllegalStateException("the demo catalog has no FREE non-exclusive patents");
        }
        return List.copyOf(trades);
    }
}
