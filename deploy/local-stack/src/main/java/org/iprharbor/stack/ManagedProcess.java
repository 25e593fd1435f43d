package org.iprharbor.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the local stack (the broker or a service): its output goes to a log file and its pid
 * to a pid file, so a later {@code stop} or {@code start} finds it even if the launcher was killed.
 */
public final class ManagedProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path pidFile;
    private final Path logFile;

    private ManagedProcess(String name, Process process, Path pidFile, Path logFile) {
        this.name = name;
        this.process = process;
        this.pidFile = pidFile;
        this.logFile = logFile;
    }

    /** Starts {@code java <jvmArgs> <mainArgs>} with the same JVM that runs the launcher, in the stack's home. */
    static ManagedProcess startJava(String name, List<String> arguments, Map<String, String> environment, StackConfig config)
            throws IOException {
        return startJava(name, arguments, environment, config, config.home());
    }

    /** The same, in {@code directory}. */
    static ManagedProcess startJava(String name, List<String> arguments, Map<String, String> environment, StackConfig config,
            Path directory) throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // Own session, so a terminal's Ctrl-C reaches only the launcher, which then stops children in order.
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        Files.createDirectories(config.logs());
        Files.createDirectories(config.pids());
        Path logFile = config.logs().resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        Path pidFile = config.pids().resolve(name + ".pid");
        Files.writeString(pidFile, Long.toString(process.pid()));
        return new ManagedProcess(name, process, pidFile, logFile);
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until {@code url} answers 200 (a readiness or health check); fails at once if the process exits meanwhile.
     * {@code what} names the process in the failure.
     */
    void awaitAnswering(URI url, Duration timeout, String what) throws InterruptedException {
        HttpRequest check = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!isAlive()) {
                throw new IllegalStateException(what + " exited during start-up; see " + logFile);
            }
            try {
                if (HTTP.send(check, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(what + " was not ready within " + timeout.toSeconds() + " s; see " + logFile);
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL, as a crash would: no shutdown hook, no flush, no goodbye to the broker or the database. */
    public void kill() {
        process.destroyForcibly();
        process.onExit().join();
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            System.err.println("could not delete " + pidFile + ": " + e.getMessage());
        }
    }

    /** SIGSTOP: the process keeps its sockets open but answers nothing, like a machine stalled by GC or I/O. */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal " + this.name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + this.name, e);
        }
    }

    Process process() {
        return process;
    }

    /** SIGTERM, then SIGKILL if it has not exited within the grace period. */
    public void stop(long graceSeconds) {
        terminate(process.toHandle(), graceSeconds);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            System.err.println("could not delete " + pidFile + ": " + e.getMessage());
        }
    }

    /** Stops a process a killed launcher left behind, found by its pid file; true if there was one. */
    static boolean stopLeftover(Path pidFile, long graceSeconds) throws IOException {
        if (!Files.exists(pidFile)) {
            return false;
        }
        Optional<ProcessHandle> leftover = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().command().map(command -> command.endsWith("java")).orElse(false));
        leftover.ifPresent(handle -> terminate(handle, graceSeconds));
        Files.deleteIfExists(pidFile);
        return leftover.isPresent();
    }

    private static void terminate(ProcessHandle handle, long graceSeconds) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        try {
            handle.onExit().get(graceSeconds, TimeUnit.SECONDS);
        } catch (Exception timedOut) {
            handle.destroyForcibly();
            handle.onExit().join();
        }
    }
}
