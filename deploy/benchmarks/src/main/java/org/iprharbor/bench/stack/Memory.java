package org.iprharbor.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Memory of processes as Linux reports it: RSS (what each process has resident) and PSS (shared pages divided
 * among their sharers, so PostgreSQL's shared buffers are not counted once per backend when summing).
 */
public final class Memory {

    private Memory() {
    }

    /** Resident set size in MB (VmRSS). */
    public static double rssMegabytes(ProcessHandle process) {
        return field(Path.of("/proc", String.valueOf(process.pid()), "status"), "VmRSS:");
    }

    /** Proportional set size of the process and all its descendants, in MB. */
    public static double treePssMegabytes(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants())
                .mapToDouble(handle -> field(Path.of("/proc", String.valueOf(handle.pid()), "smaps_rollup"), "Pss:"))
                .sum();
    }

    /** RSS of the process and all its descendants, in MB (double-counts shared memory). */
    public static double treeRssMegabytes(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants()).mapToDouble(Memory::rssMegabytes).sum();
    }

    private static double field(Path file, String name) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(name)).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024.0).orElse(0.0);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile
        }
    }
}
