package org.iprharbor.testing.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the committed event contracts live in the repository: {@code docs/asyncapi/<producer>/asyncapi.yaml}, the
 * AsyncAPI meta-schema under {@code docs/asyncapi/spec/}, and the consumers' fixtures under
 * {@code docs/asyncapi/consumers/<consumer>/<ce_type>.json}. Tests read them from the source tree, never from a
 * jar, so what is checked is exactly what integrators read.
 */
public final class ContractFiles {

    private static final String ASYNCAPI = "asyncapi.yaml";

    private ContractFiles() {
    }

    /** {@code docs/asyncapi}, found by walking up from the module's working directory. */
    public static Path directory() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path contracts = dir.resolve("docs").resolve("asyncapi");
            if (Files.isDirectory(contracts) && Files.isDirectory(dir.resolve("deploy"))) {
                return contracts;
            }
        }
        throw new IllegalStateException("docs/asyncapi not found above " + start + ": run the tests inside the repository");
    }

    /** The producer's committed AsyncAPI document. */
    public static Path asyncApi(String producer) {
        return directory().resolve(producer).resolve(ASYNCAPI);
    }

    /** Every producer that publishes a document, e.g. {@code catalog-service}. */
    public static List<String> producers() {
        try (Stream<Path> dirs = Files.list(directory())) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve(ASYNCAPI)))
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The official AsyncAPI 3.0.0 JSON Schema, copied from the npm package {@code @asyncapi/specs}. */
    public static Path asyncApiSpecification() {
        return directory().resolve("spec").resolve("asyncapi-3.0.0.schema.json");
    }

    /** The folder of one consumer's fixtures. */
    public static Path consumerFixtures(String consumer) {
        return directory().resolve("consumers").resolve(consumer);
    }

    /** Every consumer fixture file of every consumer. */
    public static List<Path> allConsumerFixtures() {
        Path consumers = directory().resolve("consumers");
        if (!Files.isDirectory(consumers)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(consumers, 2)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
