package org.iprharbor.testing.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A consumer's expectations of another service's events, kept as example payloads under
 * {@code docs/asyncapi/consumers/<consumer>/<ce_type>.json}: the consumer's tests build the events they publish from
 * them, and the producer's contract test validates them against its schema, so a producer change that breaks a
 * consumer fails the producer's build.
 */
public final class EventFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventFixtures() {
    }

    /** A fresh, mutable copy of the consumer's fixture for the type. */
    public static EventFixture load(String consumer, String type) {
        Path file = ContractFiles.consumerFixtures(consumer).resolve(type + ".json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no fixture " + file + ": add the payload " + consumer + " relies on");
        }
        try {
            return new EventFixture(type, (ObjectNode) JSON.readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The event type a fixture file stands for: its name without {@code .json}. */
    static String typeOf(Path fixture) {
        String name = fixture.getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }
}
