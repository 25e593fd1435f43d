package org.iprharbor.notification.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on loopback standing in for an integrator's endpoint: it records every request and answers
 * with a scripted sequence of responses (then 200), optionally after a delay.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(Instant at, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** A scripted answer. */
    public record Answer(int status, Map<String, String> headers, long delayMillis) {

        public static Answer of(int status) {
            return new Answer(status, Map.of(), 0);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Answer> script = new ArrayDeque<>();
    private volatile long delayMillis;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() throws IOException {
        return start("127.0.0.1", 0);
    }

    /** Listening on {@code address} (any of 127.0.0.0/8 is loopback) and {@code port} (0: any free one). */
    public static WebhookReceiver start(String address, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.createContext("/", receiver::handle);
        server.start();
        return receiver;
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/hooks/ipr-harbor";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public synchronized WebhookReceiver answering(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** Every request waits this long before its answer (a slow or hanging endpoint). */
    public WebhookReceiver delaying(long millis) {
        this.delayMillis = millis;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(Instant.now(), Map.copyOf(exchange.getRequestHeaders()), body));
        Answer answer;
        synchronized (this) {
            answer = script.isEmpty() ? Answer.of(200) : script.poll();
        }
        try {
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(Math.max(delayMillis, answer.delayMillis())); // a slow endpoint, not a wait for a result
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), -1);
        try (OutputStream out = exchange.getResponseBody()) {
            out.flush();
        } catch (IOException clientGone) {
            // the sender timed out and left: what a hanging endpoint looks like
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
