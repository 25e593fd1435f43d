package org.iprharbor.reliability.receiver;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback that records every request by its {@code webhook-id} and answers as its
 * {@link Behaviour} says: fine, slow, hanging, failing, throttling or gone. (A receiver that resets the
 * connection is {@link ResettingReceiver}.)
 */
public final class WebhookReceiver implements AutoCloseable {

    /** How an endpoint answers, by its path. */
    public enum Behaviour {
        OK, SLOW, HANG, FAIL_500, THROTTLE_429, GONE_410
    }

    /** One request: which event, when, and what the receiver answered. */
    public record Receipt(String webhookId, Behaviour behaviour, Instant at, int answered) {
    }

    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "webhook-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Receipt> receipts = new CopyOnWriteArrayList<>();
    private final Map<Behaviour, Integer> statusFor = Map.of(Behaviour.OK, 200, Behaviour.SLOW, 200,
            Behaviour.HANG, 200, Behaviour.FAIL_500, 500, Behaviour.THROTTLE_429, 429, Behaviour.GONE_410, 410);

    public WebhookReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        for (Behaviour behaviour : Behaviour.values()) {
            server.createContext("/" + path(behaviour), exchange -> answer(exchange, behaviour));
        }
        server.setExecutor(workers);
        server.start();
    }

    public String url(Behaviour behaviour) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path(behaviour);
    }

    public List<Receipt> receipts() {
        return List.copyOf(receipts);
    }

    public List<Receipt> receipts(Behaviour behaviour) {
        return receipts.stream().filter(receipt -> receipt.behaviour() == behaviour).toList();
    }

    private void answer(HttpExchange exchange, Behaviour behaviour) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
            pause(behaviour);
            int status = statusFor.get(behaviour);
            if (behaviour == Behaviour.THROTTLE_429) {
                exchange.getResponseHeaders().add("Retry-After", "3");
            }
            exchange.sendResponseHeaders(status, -1);
            receipts.add(new Receipt(webhookId, behaviour, Instant.now(), status));
        }
    }

    /** Slow answers after 3 s (inside the sender's timeout); a hanging one after 60 s (far beyond it). */
    private static void pause(Behaviour behaviour) {
        long millis = switch (behaviour) {
            case SLOW -> 3_000;
            case HANG -> 60_000;
            default -> 0;
        };
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String path(Behaviour behaviour) {
        return behaviour.name().toLowerCase().replace('_', '-');
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
