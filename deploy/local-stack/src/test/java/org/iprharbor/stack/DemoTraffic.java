package org.iprharbor.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Real traffic through the running services' public APIs, as a partner portal would make it.
 */
final class DemoTraffic {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DemoTraffic() {
    }

    /**
     * Satbayev University (KZ) offers for a non-exclusive licence of a Lanzhou University (CN) patent with FREE
     * export class; returns deal-service's answer (201 with the deal on success).
     */
    static HttpResponse<String> offerAcrossTheSilkRoad(LocalStack stack) throws IOException, InterruptedException {
        StackConfig config = stack.config();
        String buyer = stack.keys().token(stack.demoPartners().get("satbayev"), "partner", Duration.ofMinutes(10));
        String patents = get(config.services().get(0).baseUrl() + "/patents?owner=" + stack.demoPartners().get("lzu")
                + "&dealType=NON_EXCLUSIVE_LICENCE&exportClass=FREE&limit=1", buyer).body();
        String patentId = patents.replaceFirst("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
        String offer = """
                {"patentId":"%s","dealType":"NON_EXCLUSIVE_LICENCE","validUntil":"%s",
                 "terms":{"price":{"amount":"120000.00","currency":"CNY"},"royaltyPercent":2.5,"territory":["KZ"],
                          "termYears":5,"fieldOfUse":"mining equipment"}}""".formatted(patentId, Instant.now().plus(Duration.ofDays(14)));
        return HTTP.send(HttpRequest.newBuilder(URI.create(config.services().get(1).baseUrl() + "/deals"))
                .header("Authorization", "Bearer " + buyer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(offer)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code id} field of a JSON object answer. */
    static String idOf(String json) {
        return json.replaceFirst("(?s)^.*?\"id\":\"([^\"]+)\".*$", "$1");
    }

    static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
