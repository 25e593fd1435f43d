package org.iprharbor.stack;

import java.io.PrintStream;

/**
 * What the launcher tells the person who started it: each step with how long it took.
 */
final class ProgressOutput {

    private final PrintStream out;
    private final long startNanos = System.nanoTime();

    ProgressOutput(PrintStream out) {
        this.out = out;
    }

    interface Step<T> {
        T run() throws Exception;
    }

    <T> T step(String what, Step<T> step) throws Exception {
        out.printf("  … %s%n", what);
        long began = System.nanoTime();
        T result = step.run();
        out.printf("  ✓ %s (%.1f s)%n", what, (System.nanoTime() - began) / 1e9);
        return result;
    }

    void detail(String text) {
        out.printf("      %s%n", text);
    }

    void line(String text) {
        out.println(text);
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
