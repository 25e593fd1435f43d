package org.iprharbor.reliability.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.iprharbor.reliability.load.RestrictedOffers;
import org.iprharbor.reliability.verify.ClockSteps;
import org.iprharbor.reliability.verify.Databases;
import org.iprharbor.stack.StackConfig;
import org.iprharbor.stack.StackFaults;

/**
 * Scenario 10: deal-service dies while its deadline clock fires. Restricted offers each owe the authority's
 * 30-working-day review of the letter of intent, with two reminders and a missed-deadline timer; deal-service restarts
 * with the clock 100 days ahead ({@code HARBOR_DEALS_CLOCK_OFFSET}), so all those timers fall due at once, and is
 * killed -9 once it is seen firing them. It comes back beside a second instance and the two finish the firing. Every
 * reminder and missed deadline of those deals must then be on {@code harbor.deals.v1} exactly once per deal, deadline
 * kind and lead time, none missing, and in the parties' inboxes once. deal-service is left alone on the real clock.
 */
public final class DeadlineClockCrash implements Scenario {

    private static final String SERVICE = "deal-service";
    private static final Duration AHEAD = Duration.ofDays(100);
    private static final Map<String, String> CLOCK_AHEAD = Map.of("HARBOR_DEALS_CLOCK_OFFSET", AHEAD.toString());
    private static final Duration DRAIN_BOUND = Duration.ofSeconds(120);
    private static final Duration FIRING_STARTS_WITHIN = Duration.ofSeconds(120);

    @Override
    public String name() {
        return "kill-9-deal-service-mid-firing";
    }

    @Override
    public String fault() {
        return "deadline clock 100 days ahead: kill -9 of deal-service while it fires the due timers, restart beside a"
                + " second instance";
    }

    @Override
    public Result run(ScenarioContext context) throws Exception {
        List<String> observations = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        StackFaults faults = context.stack().faults();
        long began = System.nanoTime();
        int count = context.quick() ? 200 : 400;
        RestrictedOffers.Made made = RestrictedOffers.of(context.stack(), context.client(), context.dealUrl()).make(count);
        check(failures, made.dealIds().size() == count, "restricted offers not all 201: " + made.outcomes());
        ClockSteps steps = new ClockSteps(Set.copyOf(made.dealIds()), new Databases(context.stack().postgres()));
        Set<String> promised = steps.promised(Instant.now().plus(AHEAD));
        check(failures, promised.size() >= 3L * made.dealIds().size(), "expected two reminders and a missed deadline per"
                + " deal, found " + promised.size() + " timers due for " + made.dealIds().size() + " deals");
        observations.add(String.format("%d restricted offers in %.1f s", count, (System.nanoTime() - began) / 1e9));

        long killedAt = System.nanoTime();
        faults.killService(SERVICE);
        CompletableFuture<Void> starting = CompletableFuture.runAsync(() -> restart(faults, CLOCK_AHEAD));
        long seenFiring = awaitFiring(steps);
        faults.killService(SERVICE);
        long firedAtKill = steps.fired();
        starting.exceptionally(killedBeforeReady -> null).join();
        observations.add(String.format("%d deals, %d timers due at once; the restarted deal-service was killed %.1f s"
                + " later, when %d had fired (seen firing at %d)", made.dealIds().size(), promised.size(),
                (System.nanoTime() - killedAt) / 1e9, firedAtKill, seenFiring));
        check(failures, seenFiring > 0 && firedAtKill < promised.size(),
                "the kill did not land mid-firing: " + firedAtKill + " of " + promised.size() + " timers had fired");

        long restarting = System.nanoTime();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> secondInstance(faults));
        restart(faults, CLOCK_AHEAD);
        second.join();
        long ready = System.nanoTime();
        Drain drain = drain(context, steps, promised);
        double drainedSeconds = (System.nanoTime() - ready) / 1e9;
        observations.add(String.format("both instances ready after %.1f s; they fired the rest, %d clock events for %d"
                + " timers; inbox items %s", (ready - restarting) / 1e9, drain.seen().events(), promised.size(),
                drain.inboxItems()));
        backOnTheRealClock(faults);

        Map<String, Long> missing = drain.seen().missing(promised);
        Map<String, Long> duplicated = drain.seen().duplicated(promised);
        Map<String, Long> inboxExpected = ClockSteps.inboxItemsFor(promised);
        long inboxMissing = inboxExpected.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - drain.inboxItems().getOrDefault(e.getKey(), 0L))).sum();
        long inboxExtra = inboxExpected.entrySet().stream()
                .mapToLong(e -> Math.max(0, drain.inboxItems().getOrDefault(e.getKey(), 0L) - e.getValue())).sum();
        check(failures, steps.unfired() == 0, steps.unfired() + " timers still unfired after " + DRAIN_BOUND.toSeconds() + " s");
        check(failures, missing.isEmpty(), missing.size() + " clock steps never published, e.g. " + first(missing));
        check(failures, duplicated.isEmpty(), duplicated.values().stream().mapToLong(Long::longValue).sum()
                + " clock steps published twice, e.g. " + first(duplicated));
        check(failures, inboxMissing == 0 && inboxExtra == 0, "inbox items " + drain.inboxItems() + ", expected " + inboxExpected);
        return new Result(name(), fault(), 0, Duration.ofNanos(System.nanoTime() - began).toSeconds(), count,
                made.dealIds().size(), made.outcomes(), missing.size() + inboxMissing,
                duplicated.values().stream().mapToLong(Long::longValue).sum() + inboxExtra, drain.seen().republished(),
                missing, duplicated, drainedSeconds, DRAIN_BOUND.toSeconds(), observations, failures);
    }

    /** What the topic and the inboxes held once the firing was done, or the bound passed. */
    private record Drain(ClockSteps.Seen seen, Map<String, Long> inboxItems) {
    }

    private static Drain drain(ScenarioContext context, ClockSteps steps, Set<String> promised) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_BOUND.toNanos();
        while (steps.unfired() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        Map<String, Long> expectedInbox = ClockSteps.inboxItemsFor(promised);
        Drain drain = new Drain(steps.seen(context.stack().config().kafkaBootstrap()), steps.inboxItems());
        while ((drain.seen().events() < promised.size() || !drain.inboxItems().equals(expectedInbox))
                && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            drain = new Drain(steps.seen(context.stack().config().kafkaBootstrap()), steps.inboxItems());
        }
        return drain;
    }

    /** Waits until the first batch of timers has committed; answers how many had fired by then. */
    private static long awaitFiring(ClockSteps steps) throws InterruptedException {
        long deadline = System.nanoTime() + FIRING_STARTS_WITHIN.toNanos();
        long fired = steps.fired();
        while (fired == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            fired = steps.fired();
        }
        return fired;
    }

    /** One instance again, on the wall clock: the second leaves gracefully while the first restarts. */
    private static void backOnTheRealClock(StackFaults faults) throws Exception {
        CompletableFuture<Void> leaving = CompletableFuture.runAsync(() -> faults.stopSecondInstance(SERVICE));
        // nothing is due on the real clock and every timer has fired: a kill loses nothing here
        faults.killService(SERVICE);
        faults.restartService(SERVICE);
        leaving.join();
    }

    private static void restart(StackFaults faults, Map<String, String> environment) {
        try {
            faults.restartService(SERVICE, environment);
        } catch (Exception e) {
            throw new IllegalStateException(SERVICE + " did not start: " + e.getMessage(), e);
        }
    }

    private static void secondInstance(StackFaults faults) {
        try {
            faults.startSecondInstance(SERVICE, StackConfig.freePort(), CLOCK_AHEAD);
        } catch (Exception e) {
            throw new IllegalStateException("the second " + SERVICE + " did not start: " + e.getMessage(), e);
        }
    }

    private static String first(Map<String, Long> steps) {
        return steps.keySet().stream().findFirst().orElse("");
    }

    private static void check(List<String> failures, boolean condition, String failure) {
        if (!condition) {
            failures.add(failure);
        }
    }
}
