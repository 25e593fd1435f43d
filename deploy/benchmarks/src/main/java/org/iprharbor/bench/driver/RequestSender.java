package org.iprharbor.bench.driver;

import java.util.concurrent.CompletionStage;

/**
 * Sends request number {@code n} without blocking; the stage completes when its answer is in.
 */
@FunctionalInterface
public interface RequestSender {

    CompletionStage<Outcome> send(long n);
}
