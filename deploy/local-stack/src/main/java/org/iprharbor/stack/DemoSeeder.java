package org.iprharbor.stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.iprharbor.infra.DemoKeys;

/**
 * Loads the demo partners, patents and needs (Gansu's Silk Road IPR harbor and its Belt-and-Road partners) through
 * the catalog's public API, as an operator and as each owner, unless the catalog has partners already.
 */
final class DemoSeeder {

    private static final Duration TOKEN_LIFETIME = Duration.ofHours(2);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String catalogUrl;
    private final DemoKeys keys;

    DemoSeeder(String catalogUrl, DemoKeys keys) {
        this.catalogUrl = catalogUrl;
        this.keys = keys;
    }

    /** The demo partners by their short name (ref), with ids, whether just seeded or seeded by an earlier start. */
    Map<String, String> seedIfEmpty(ProgressOutput progress) throws IOException, InterruptedException {
        JsonNode demo = demoData();
        Map<String, String> existing = existingPartners(demo);
        if (!existing.isEmpty()) {
            progress.detail("catalog has its data already (" + existing.size() + " demo partners); not seeding again");
            return existing;
        }
        String operator = keys.token(LocalStack.OPERATOR_ID, "operator", TOKEN_LIFETIME);
        Map<String, String> partnerIds = new LinkedHashMap<>();
        for (JsonNode partner : demo.get("partners")) {
            ObjectNode body = ((ObjectNode) partner.deepCopy());
            String ref = body.remove("ref").asText();
            partnerIds.put(ref, post("/partners", operator, body).get("id").asText());
        }
        progress.detail(partnerIds.size() + " partners registered");
        postAsOwners("/patents", demo.get("patents"), partnerIds, "patents listed", progress);
        // after the patents, so each need is matched against them as it is posted
        postAsOwners("/needs", demo.get("needs"), partnerIds, "needs posted", progress);
        return partnerIds;
    }

    /** Posts each item as its owner (the item's {@code owner} ref), reporting progress every 50. */
    private void postAsOwners(String path, JsonNode items, Map<String, String> partnerIds, String done, ProgressOutput progress)
            throws IOException, InterruptedException {
        int posted = 0;
        for (JsonNode item : items) {
            ObjectNode body = ((ObjectNode) item.deepCopy());
            String owner = partnerIds.get(body.remove("owner").asText());
            post(path, keys.token(owner, "partner", TOKEN_LIFETIME), body);
            if (++posted % 50 == 0 || posted == items.size()) {
                progress.detail(posted + "/" + items.size() + " " + done);
            }
        }
    }

    private Map<String, String> existingPartners(JsonNode demo) throws IOException, InterruptedException {
        String operator = keys.token(LocalStack.OPERATOR_ID, "operator", TOKEN_LIFETIME);
        JsonNode page = get("/partners?size=100", operator);
        Map<String, String> idByName = new LinkedHashMap<>();
        page.get("items").forEach(item -> idByName.put(item.get("legalName").asText(), item.get("id").asText()));
        Map<String, String> byRef = new LinkedHashMap<>();
        for (JsonNode partner : demo.get("partners")) {
            String id = idByName.get(partner.get("legalName").asText());
            if (id != null) {
                byRef.put(partner.get("ref").asText(), id);
            }
        }
        return byRef;
    }

    private JsonNode demoData() throws IOException {
        try (InputStream in = DemoSeeder.class.getResourceAsStream("/seed/demo-data.json")) {
            return json.readTree(in);
        }
    }

    private JsonNode post(String path, String token, JsonNode body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(catalogUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))), token);
    }

    private JsonNode get(String path, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(catalogUrl + path)).GET(), token);
    }

    private JsonNode send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        HttpRequest built = request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(built.method() + " " + built.uri().getPath() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }
}
