package org.iprharbor.reliability.load;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open-model load: a new offer every 1/rate seconds whatever the answers, and for each acknowledged offer the
 * seller's acceptance. Latency is measured from the intended send time (no coordinated omission). Neither
 * request is retried: a request without a 2xx is simply not acknowledged, and the verifier checks the rest.
 */
public final class PacedLoad implements AutoCloseable {

    private final HarborClient client;
    private final String dealUrl;
    private final List<Trade> trades;
    private final Ledger ledger = new Ledger();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "paced-load");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong tick = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();

    public PacedLoad(HarborClient client, String dealUrl, List<Trade> trades) {
        this.client = client;
        this.dealUrl = dealUrl;
        this.trades = trades;
    }

    public PacedLoad start(int offersPerSecond) {
        long periodMicros = 1_000_000L / offersPerSecond;
        ticker.scheduleAtFixedRate(this::offerOnce, 0, periodMicros, TimeUnit.MICROSECONDS);
        return this;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** Stops sending and waits for the answers still in flight. */
    @Override
    public void close() throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        // requests time out after 10 s; the acceptances they trigger after as long again
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(25);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private void offerOnce() {
        Trade trade = trades.get((int) (tick.getAndIncrement() % trades.size()));
        long intended = System.nanoTime();
        ledger.sent();
        inFlight.incrementAndGet();
        client.post(dealUrl + "/deals", trade.buyerToken(), UUID.randomUUID().toString(), offerBody(trade))
                .thenCompose(reply -> {
                    ledger.record("offer", reply, millisSince(intended));
                    if (reply.status() != 201) {
                        return CompletableFuture.completedFuture(null);
                    }
                    String dealId = reply.field("id");
                    ledger.offered(dealId);
                    long acceptIntended = System.nanoTime();
                    ledger.sent();
                    return client.post(dealUrl + "/deals/" + dealId + "/accept", trade.sellerToken(), null, null)
                            .thenAccept(accept -> {
                                ledger.record("accept", accept, millisSince(acceptIntended));
                                if (accept.ok()) {
                                    ledger.accepted(dealId);
                                }
                            });
                })
                .whenComplete((ignored, failure) -> inFlight.decrementAndGet());
    }

    /** A valid offer for the trade's patent, open for 30 days. */
    public static String offerBody(Trade trade) {
        return """
                {"patentId":"%s","dealType":"NON_EXCLUSIVE_LICENCE","validUntil":"%s",
                 "terms":{"price":{"amount":"90000.00","currency":"CNY"},"royaltyPercent":2,"territory":["KZ"],
                          "termYears":3,"fieldOfUse":"reliability drill"}}""".formatted(trade.patentId(),
                Instant.now().plusSeconds(30L * 24 * 3600));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
