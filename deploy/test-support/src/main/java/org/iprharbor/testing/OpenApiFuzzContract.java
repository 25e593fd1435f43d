package org.iprharbor.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated fuzz pass over the service's own OpenAPI document: every operation gets valid and hostile requests
 * (see {@link HostileRequests}) with a token of the role that reaches its body, and the malformed ones also without
 * a token and with the other roles. Every answer must be a success or a 4xx problem+json with a detail, never a 5xx
 * or a stack trace, and the service must be ready afterwards. Deterministic (seeded). Each service runs it with
 * {@code @QuarkusTest class OpenApiFuzzTest extends OpenApiFuzzContract}.
 */
public abstract class OpenApiFuzzContract {

    private static final long SEED = 20_261_130L;
    /** A stack frame ("at org.x.Y.m(Y.java:12)"), in any answer. */
    private static final Pattern STACK_FRAME = Pattern.compile("(\\tat |\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)|Caused by: )");
    /**
     * An error answer naming an exception ("…NullPointerException") tells the caller about our internals; a success
     * may (the dead-letter view shows causes). Linear on purpose: answers can echo megabytes of hostile input.
     */
    private static final Pattern EXCEPTION_NAME = Pattern.compile("(?<=\\w)Exception\\b");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int sent;

    /** The partner the fuzzer acts as; a service may name one its fixtures registered, to reach deeper. */
    protected UUID fuzzPartner() {
        return UUID.fromString("00000000-0000-0000-0000-00000000f022");
    }

    /**
     * Bodies known to be valid, by operation ({@code "POST /patents"}), so that each mutated field is looked at with
     * every other field valid, and reaches the database.
     */
    protected Map<String, Object> exampleBodies() {
        return Map.of();
    }

    /**
     * Path values of objects that exist, by path template ({@code "/patents/{id}"} → {@code {"id": "…"}}); a template
     * also serves the paths below it ({@code /patents/{id}/history}).
     */
    protected Map<String, Map<String, String>> examplePathValues() {
        return Map.of();
    }

    @Test
    void shouldAnswerEveryHostileRequestWithoutServerErrorOrStackTrace() throws Exception {
        long start = System.nanoTime();
        JsonNode document = JSON.readTree(send(new FuzzRequest("OpenAPI document", "get", "/q/openapi?format=json",
                Map.of(), null, false), null).body());
        OpenApiOperations api = new OpenApiOperations(document);
        SchemaSamples samples = new SchemaSamples(api, SEED);
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("partner", TestTokens.partner(fuzzPartner()));
        tokens.put("operator", TestTokens.operator());
        tokens.put("integrator", TestTokens.integrator());

        List<OpenApiOperations.Operation> operations = api.all().stream()
                .filter(operation -> !operation.path().startsWith("/test-support")).toList();
        Map<String, Object> bodies = exampleBodies();
        Map<String, Map<String, String>> pathValues = examplePathValues();
        for (OpenApiOperations.Operation operation : operations) {
            Object example = bodies.get(operation.toString());
            fuzz(operation, new HostileRequests(operation, samples, example == null ? null : JSON.valueToTree(example),
                    pathValuesFor(operation.path(), pathValues)), tokens);
        }

        var ready = send(new FuzzRequest("readiness afterwards", "get", "/q/health/ready", Map.of(), null, false), null);
        assertThat(ready.statusCode()).as("readiness after the fuzz pass: %s", ready.body()).isEqualTo(200);
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        String summary = String.format("%s: %d operations, %d requests in %d s, statuses %s, %d failures",
                document.path("info").path("title").asText(), operations.size(), sent, seconds, statuses, failures.size());
        report(summary);
        assertThat(failures).as(summary).isEmpty();
    }

    private static Map<String, String> pathValuesFor(String path, Map<String, Map<String, String>> pathValues) {
        return pathValues.entrySet().stream()
                .filter(entry -> path.equals(entry.getKey()) || path.startsWith(entry.getKey() + "/"))
                .max(Map.Entry.comparingByKey((a, b) -> Integer.compare(a.length(), b.length())))
                .map(Map.Entry::getValue).orElse(Map.of());
    }

    private void fuzz(OpenApiOperations.Operation operation, HostileRequests requests, Map<String, String> tokens) {
        if (operation.streams()) {
            // an event stream never ends for an authorised caller; its refusals can still be checked
            check(requests.valid().labelled("[no token] "), null);
            return;
        }
        String role = roleReachingTheBody(requests.valid(), tokens);
        requests.all().forEach(request -> check(request.labelled("[" + role + "] "), tokens.get(role)));
        List<FuzzRequest> unauthorised = new ArrayList<>(List.of(requests.valid()));
        if (operation.takesBody()) {
            unauthorised.addAll(requests.malformedBodies());
        }
        for (FuzzRequest request : unauthorised) {
            check(request.labelled("[no token] "), null);
            tokens.forEach((other, token) -> {
                if (!other.equals(role)) {
                    check(request.labelled("[" + other + "] "), token);
                }
            });
        }
    }

    private String roleReachingTheBody(FuzzRequest valid, Map<String, String> tokens) {
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            int status = check(valid.labelled("[probe " + token.getKey() + "] "), token.getValue());
            if (status != 401 && status != 403) {
                return token.getKey();
            }
        }
        return "partner";
    }

    private int check(FuzzRequest request, String token) {
        HttpResponse<String> response;
        try {
            response = send(request, token);
        } catch (IOException e) {
            failures.add(request + ": no answer (" + e + ")");
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        statuses.merge(response.statusCode(), 1, Integer::sum);
        String problem = problemIn(response);
        if (problem != null) {
            failures.add(request + ": " + response.statusCode() + " " + problem + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return response.statusCode();
    }

    /** What is wrong with the answer, or null. */
    private static String problemIn(HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        if (status >= 500) {
            return "server error";
        }
        Matcher frame = STACK_FRAME.matcher(body);
        if (frame.find()) {
            return "leaks a stack trace: \"" + frame.group().replace("\t", "\\t") + "\"";
        }
        Matcher exception = EXCEPTION_NAME.matcher(body);
        if (status >= 400 && exception.find()) {
            return "names an exception: \"" + exception.group() + "\"";
        }
        if (status < 400) {
            return null;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "is not problem+json (" + type + ")";
        }
        try {
            return JSON.readTree(body).path("detail").asText().isBlank() ? "has no detail" : null;
        } catch (IOException e) {
            return "problem+json that does not parse";
        }
    }

    private HttpResponse<String> send(FuzzRequest request, String token) throws IOException, InterruptedException {
        sent++;
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : request.chunked() ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(request.body()))
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUri() + request.pathAndQuery()))
                .timeout(Duration.ofSeconds(20))
                .method(request.method().toUpperCase(), body);
        request.headers().forEach(builder::header);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String baseUri() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    private static void report(String summary) throws IOException {
        System.out.println("[fuzz] " + summary);
        Path file = Path.of("target", "security", "fuzz-summary.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, summary + System.lineSeparator());
    }
}
