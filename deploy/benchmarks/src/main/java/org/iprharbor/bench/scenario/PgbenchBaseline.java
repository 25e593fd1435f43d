package org.iprharbor.bench.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.iprharbor.bench.stack.BenchStack;
import org.iprharbor.infra.PostgresServer;

/**
 * The database ceiling for offers: pgbench runs the transaction an offer commits (read buyer, patent and
 * seller; insert the deal, its history row and its outbox row; commit) against deal-service's own database,
 * with as many clients as the service's connection pool. Rows are copied from a real offer, so they have the
 * application's sizes; the outbox copies are marked published so the relay leaves them alone.
 */
final class PgbenchBaseline {

    private static final Path PGBENCH = Path.of("/usr/bin/pgbench");
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    record Result(int clients, double tps, double latencyAverageMillis, String script) {
    }

    private PgbenchBaseline() {
    }

    static Result run(BenchStack stack, int clients, int seconds, Path workDir) throws Exception {
        if (!Files.isExecutable(PGBENCH)) {
            throw new IllegalStateException(PGBENCH + " is missing (deploy/benchmarks/run installs postgresql-client)");
        }
        String script = script(stack);
        Files.createDirectories(workDir);
        Path file = workDir.resolve("offer-transaction.sql");
        Files.writeString(file, script);
        ProcessBuilder builder = new ProcessBuilder(PGBENCH.toString(), "-n", "-M", "prepared", "-c", String.valueOf(clients),
                "-j", "2", "-T", String.valueOf(seconds), "-f", file.toString(), "-h", "localhost",
                "-p", String.valueOf(stack.postgresPort()), "-U", PostgresServer.USER, "deal").redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", PostgresServer.PASSWORD);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed: " + output);
        }
        return new Result(clients, find(TPS, output), find(LATENCY, output), script);
    }

    private static double find(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("pgbench printed no " + pattern + ": " + output);
        }
        return Double.parseDouble(matcher.group(1));
    }

    /** The offer transaction, as SQL copying a real offer's rows under new ids. */
    private static String script(BenchStack stack) throws SQLException, IOException {
        try (Connection deal = stack.database("deal"); Statement sql = deal.createStatement()) {
            String dealId;
            String buyer;
            String seller;
            String patent;
            try (ResultSet row = sql.executeQuery("SELECT id, buyer_id, seller_id, patent_id FROM deal ORDER BY opened_at DESC LIMIT 1")) {
                if (!row.next()) {
                    throw new IllegalStateException("no offer to copy: run the offer benchmark first");
                }
                dealId = row.getString(1);
                buyer = row.getString(2);
                seller = row.getString(3);
                patent = row.getString(4);
            }
            long outboxPosition;
            try (ResultSet row = sql.executeQuery("SELECT position FROM outbox WHERE subject = '" + dealId + "' LIMIT 1")) {
                row.next();
                outboxPosition = row.getLong(1);
            }
            List<String> dealColumns = columns(sql, "deal");
            List<String> historyColumns = columns(sql, "deal_history");
            return String.join("\n",
                    "BEGIN;",
                    "SELECT * FROM known_partner WHERE id = '" + buyer + "';",
                    "SELECT * FROM known_patent WHERE id = '" + patent + "';",
                    "SELECT * FROM known_partner WHERE id = '" + seller + "';",
                    "WITH d AS (INSERT INTO deal (" + String.join(", ", dealColumns) + ") SELECT "
                            + replaced(dealColumns, "id", "gen_random_uuid()") + " FROM deal WHERE id = '" + dealId + "' RETURNING id)",
                    "  INSERT INTO deal_history (" + String.join(", ", historyColumns) + ") SELECT "
                            + replaced(historyColumns, "id", "gen_random_uuid()").replace("deal_id", "d.id")
                            + " FROM d, deal_history h WHERE h.deal_id = '" + dealId + "' AND h.deal_version = 0;",
                    "INSERT INTO outbox (event_id, topic, event_key, event_type, subject, sequence, occurred_at, payload, published_at)"
                            + " SELECT gen_random_uuid(), topic, event_key, event_type, subject, sequence, now(), payload, now()"
                            + " FROM outbox WHERE position = " + outboxPosition + ";",
                    "END;", "");
        }
    }

    private static List<String> columns(Statement sql, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_name = '"
                + table + "' ORDER BY ordinal_position")) {
            while (rows.next()) {
                columns.add(rows.getString(1));
            }
        }
        return columns;
    }

    private static String replaced(List<String> columns, String column, String expression) {
        return columns.stream().map(name -> name.equals(column) ? expression : name).collect(Collectors.joining(", "));
    }
}
