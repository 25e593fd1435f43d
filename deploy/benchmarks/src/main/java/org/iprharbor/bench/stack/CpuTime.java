package org.iprharbor.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * CPU time that Linux has charged to processes (user + system, from {@code /proc/<pid>/stat}), so a phase's work
 * can be split by process: what each part of the stack spends per request.
 */
public final class CpuTime {

    /** Linux reports times in clock ticks of 1/USER_HZ s; USER_HZ is 100 on every mainstream architecture. */
    private static final double MILLIS_PER_TICK = 10;

    private CpuTime() {
    }

    /**
     * CPU milliseconds of the process, its ended children that it reaped (PostgreSQL's backends that closed) and its
     * live descendants.
     */
    public static double treeMillis(ProcessHandle process) {
        double own = ticks(process.pid(), true);
        double descendants = process.descendants().mapToDouble(child -> ticks(child.pid(), false)).sum();
        return (own + descendants) * MILLIS_PER_TICK;
    }

    /** CPU milliseconds of the process alone (not of the processes it started). */
    public static double ownMillis(ProcessHandle process) {
        return ticks(process.pid(), false) * MILLIS_PER_TICK;
    }

    /**
     * CPU milliseconds of the process's JIT compiler threads (the JVM names them "C1 CompilerThread…" and
     * "C2 CompilerThread…"; Linux keeps the first 15 characters), live ones only.
     */
    public static double jitMillis(ProcessHandle process) {
        return threadsMillis(process, name -> name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre"));
    }

    /**
     * CPU milliseconds of the process's live threads whose name (the first 15 characters, as Linux keeps it) matches;
     * a thread that ended took its time with it.
     */
    public static double threadsMillis(ProcessHandle process, Predicate<String> name) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
            return tasks.filter(task -> threadName(task).filter(name).isPresent())
                    .mapToDouble(task -> ticks(task.resolve("stat"), false))
                    .sum() * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile
        }
    }

    private static Optional<String> threadName(Path task) {
        try {
            return Optional.of(Files.readString(task.resolve("comm")).strip());
        } catch (IOException e) {
            return Optional.empty(); // the thread ended meanwhile
        }
    }

    /** utime + stime (fields 14 and 15), plus cutime + cstime (16 and 17) when asked. */
    private static double ticks(long pid, boolean withReapedChildren) {
        return ticks(Path.of("/proc", String.valueOf(pid), "stat"), withReapedChildren);
    }

    private static double ticks(Path statFile, boolean withReapedChildren) {
        try {
            String stat = Files.readString(statFile);
            // the command name (field 2) may contain spaces; the fields after it follow the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return withReapedChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile
        }
    }
}
