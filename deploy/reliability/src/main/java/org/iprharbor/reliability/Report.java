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

    /** Replaces (or adds) the rows of the scenarios just run, keeping the others' last results. */
    static void updateRows(Path markdown, List<Result> results) throws IOException {
        String document = Files.readString(markdown);
        int start = document.indexOf(START);
        int end = document.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException(markdown + " lacks the " + START + " … " + END + " markers");
        }
        List<String> lines = new java.util.ArrayList<>(List.of(document.substring(start + START.length(), end).split("\n", -1)));
        for (Result result : results) {
            String row = rows(List.of(result)).strip();
            int existing = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("| " + result.scenario() + " |")) {
                    existing = i;
                }
            }
            if (existing >= 0) {
                lines.set(existing, row);
            } else {
                int last = lines.size() - 1;
                while (last > 0 && !lines.get(last).startsWith("|")) {
                    last--;
                }
                lines.add(last + 1, row);
            }
        }
        Files.writeString(markdown, document.substring(0, start + START.length()) + String.join("\n", lines)
                + document.substring(end));
    }

    static String table(List<Result> results, String mode) {
        StringBuilder table = new StringBuilder("Last run: " + Instant.now().toString().substring(0, 16).replace('T', ' ')
                + " UTC, " + mode + " form, on the 2-core development machine.\n\n"
                + "| scenario | load held | fault survived | losses | duplicates | republished to Kafka | drained (bound) | observed |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        return table.append(rows(results)).toString();
    }

    private static String rows(List<Result> results) {
        StringBuilder table = new StringBuilder();
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
