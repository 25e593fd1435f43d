package org.iprharbor.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server from the zonky binaries, with one database per service.
 */
public final class PostgresServer implements AutoCloseable {

    /** Superuser of the embedded cluster; it trusts local connections, so any password works. */
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A throw-away cluster on a free port, deleted on close. */
    public static PostgresServer startTemporary() throws IOException {
        return new PostgresServer(configured().start());
    }

    /**
     * A cluster that keeps its data in {@code dataDirectory} across restarts, on a fixed port.
     * A server left behind by a killed launcher is stopped first.
     */
    public static PostgresServer startPersistent(Path dataDirectory, int port) throws IOException {
        stopLeftover(dataDirectory);
        Files.createDirectories(dataDirectory);
        // zonky starts PostgreSQL with fsync and synchronous_commit off (fine for throw-away test data); the local
        // stack keeps data and is where crash and benchmark runs happen, so it gets PostgreSQL's durable defaults.
        return new PostgresServer(configured()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start());
    }

    private static EmbeddedPostgres.Builder configured() {
        // The locale is explicit (never inherited from LANG): pg_trgm needs a UTF-8 LC_CTYPE to index Chinese text.
        return EmbeddedPostgres.builder()
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8")
                .setServerConfig("max_connections", "300")
                .setServerConfig("timezone", "UTC")
                .setPGStartupWait(Duration.ofSeconds(60));
    }

    /** Stops a server a killed launcher left running on this data directory; true if there was one. */
    public static boolean stopLeftover(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        Optional<ProcessHandle> leftover = firstLine.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(firstLine));
        leftover.filter(ProcessHandle::isAlive).ifPresent(process -> {
            process.destroy();
            process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        });
        Files.deleteIfExists(pidFile);
        return leftover.isPresent();
    }

    /** Creates the database unless it exists already. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("database names are lower-case identifiers: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            try (ResultSet existing = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (existing.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
