package org.iprharbor.bench.stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An integrator's webhook endpoint on loopback: checks each delivery's Standard Webhooks signature, then
 * answers 204 after a set delay, or never (a hanging endpoint) until it is closed. Reports each signed
 * delivery's lag from the event's CloudEvents {@code time} to its arrival.
 */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;
    private final long answerAfterMillis;
    private final boolean hangs;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicLong verified = new AtomicLong();
    private final AtomicLong badSignatures = new AtomicLong();
    private volatile byte[] secret;
    private volatile LongConsumer lagMillis = lag -> { };

    private WebhookReceiver(int port, long answerAfterMillis, boolean hangs, int threadCount) throws IOException {
        this.answerAfterMillis = answerAfterMillis;
        this.hangs = hangs;
        this.threads = Executors.newFixedThreadPool(threadCount, runnable -> {
            Thread thread = new Thread(runnable, "webhook-receiver-" + port);
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        server.createContext("/hooks", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public static WebhookReceiver answering(int port, long afterMillis) throws IOException {
        return new WebhookReceiver(port, afterMillis, false, 8);
    }

    public static WebhookReceiver hanging(int port) throws IOException {
        return new WebhookReceiver(port, 0, true, 8);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The subscription's secret ({@code whsec_…}), once notification-service created it. */
    public void secret(String whsec) {
        this.secret = Base64.getDecoder().decode(whsec.substring("whsec_".length()));
    }

    public void onLag(LongConsumer consumer) {
        this.lagMillis = consumer;
    }

    public long verified() {
        return verified.get();
    }

    public long badSignatures() {
        return badSignatures.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.currentTimeMillis();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (hangs) {
            awaitClose();
            exchange.close();
            return;
        }
        if (signedCorrectly(exchange, body)) {
            verified.incrementAndGet();
            lagMillis.accept(arrived - eventTime(body));
        } else {
            badSignatures.incrementAndGet();
        }
        if (answerAfterMillis > 0) {
            try {
                Thread.sleep(answerAfterMillis); // the integrator's own work before it answers
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private boolean signedCorrectly(HttpExchange exchange, byte[] body) {
        byte[] key = secret;
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
        if (key == null || id == null || timestamp == null || signatures == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
            for (String signature : signatures.split(" ")) {
                if (signature.equals(expected)) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static long eventTime(byte[] body) throws IOException {
        JsonNode event = Http.JSON.readTree(body);
        return Instant.parse(event.path("time").asText()).toEpochMilli();
    }

    private void awaitClose() {
        try {
            closing.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
