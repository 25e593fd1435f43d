package org.iprharbor.reliability.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The platform's public HTTP API as a partner portal calls it, asynchronously, so a paced load never waits for a
 * slow answer before sending the next request (open model).
 */
public final class HarborClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ExecutorService executor = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "harbor-client");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).executor(executor).build();

    /** One answer: status, content type and body; status 0 when no answer came (refused, reset, timed out). */
    public record Reply(int status, String contentType, String body, String failure) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public boolean problemJson() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        /** The value of a top-level string field of a JSON body (enough for ids; no need for a JSON parser here). */
        public String field(String name) {
            String marker = "\"" + name + "\":\"";
            int start = body.indexOf(marker);
            if (start < 0) {
                throw new IllegalStateException("no \"" + name + "\" in " + body);
            }
            start += marker.length();
            return body.substring(start, body.indexOf('"', start));
        }
    }

    public CompletableFuture<Reply> post(String url, String token, String idempotencyKey, String json) {
        return post(url, token, idempotencyKey, null, json);
    }

    /** A command; {@code ifMatch} (an ETag) makes it fail with 412 if the resource moved on. */
    public CompletableFuture<Reply> post(String url, String token, String idempotencyKey, String ifMatch, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "{}" : json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request.build());
    }

    public CompletableFuture<Reply> get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    public CompletableFuture<Reply> delete(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Authorization", "Bearer " + token)
                .DELETE().build());
    }

    private CompletableFuture<Reply> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Reply(response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(null), response.body(), null))
                .exceptionally(failure -> new Reply(0, null, "", String.valueOf(failure.getCause() == null
                        ? failure : failure.getCause())));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
