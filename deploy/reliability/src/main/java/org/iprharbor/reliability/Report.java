package org.iprharbor.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.iprharbor.reliability.scenario.Result;

/**
 * Writes a run's results: every detail as JSON, and the summary table between two markers of
 * docs/reliability.md (the rest of that document is left as it is).
 */
final class Report {

    static final String START = "<!-- results:start -->";
    static final String END = "<!-- results:end -->";

    private Report() {
    }

    static void writeJson(Path file, List<Result> results) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), results);
    }

    static void writeTable(Path markdown, List<Result> results, String mode) throws IOException {
        String document = Files.readString(markdown);
        int start = document.indexOf(START);
        int end = document.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException(markdown + " lacks the " + START + " … " + END + " markers");
        }
        Files.writeString(markdown, document.substring(0, start + START.length()) + "\n" + table(results, mode)
                + document.substring(end));
    }

    static String table(List<Result> results, String mode) {
        StringBuilder table = new StringBuilder("Last run: " + Instant.now().toString().substring(0, 16).replace('T', ' ')
                + " UTC, " + mode + " form, on the 2-core development machine.\n\n"
                + "| scenario | load held | fault survived | losses | duplicates | republished to Kafka | drained (bound) | observed |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (Result result : results) {
            table.append(String.format("| %s | %s | %s | %d | %d | %d | %.1f s (%d s) | %s |%n", result.scenario(),
                    result.offersPerSecond() > 0
                            ? result.offersPerSecond() + " offers/s + accepts, " + result.loadSeconds() + " s, "
                                    + result.requestsSent() + " requests, " + result.acknowledged() + " acknowledged"
                            : result.requestsSent() + " concurrent requests",
                    result.passed() ? "yes" : "**no**: " + String.join("; ", result.failures()).replace("|", "/"),
                    result.losses(), result.duplicates(), result.republished(), result.drainedSeconds(),
                    result.drainBoundSeconds(), String.join("; ", result.observations()).replace("|", "/")));
        }
        return table.toString();
    }
}
