package org.iprharbor.bench.scenario;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.iprharbor.bench.driver.LoadProfile;
import org.iprharbor.bench.driver.LoadResult;
import org.iprharbor.bench.driver.RequestSender;
import org.iprharbor.bench.report.Report;
import org.iprharbor.bench.stack.BenchStack;
import org.iprharbor.bench.stack.Http;

import static org.iprharbor.bench.report.Report.number;

/**
 * Issue 15's scale aim: the HTTP call that triggers matching, end to end. {@code POST /patents} of a new patent is
 * matched against 100,000 open needs ({@link NeedGenerator}), {@code POST /needs} of a new need against 1,000,000
 * patents ({@link PatentGenerator}; the catalog is brought up to that size here if the search part has not done it).
 * What is posted are copies of generated rows (a patent with a new publication number, a need as it was), so the
 * anchors have the spread of the data they are matched against. Each call runs at a fixed open-model rate; the matches
 * each call recorded are counted in the database afterwards.
 */
public final class MatchingBenchmark implements Benchmark {

    private static final double RATE = 4;
    private static final int SAMPLES = 500;

    @Override
    public String name() {
        return "matching";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        BenchStack stack = context.stack();
        boolean quick = context.settings().quick();
        int patents = quick ? 20_000 : 1_000_000;
        int needs = quick ? 10_000 : 100_000;
        List<String> partners = List.copyOf(stack.localStack().demoPartners().values());
        List<ObjectNode> patentBodies;
        List<ObjectNode> needBodies;
        try (Connection catalog = stack.database("catalog"); Statement sql = catalog.createStatement()) {
            long began = System.nanoTime();
            long shortfall = patents - PatentGenerator.count(sql, "SELECT count(*) FROM patent");
            if (shortfall > 0) {
                BenchContext.progress("matching: generating " + shortfall + " patents");
                PatentGenerator.generate(catalog, (int) shortfall, patents);
            }
            long needShortfall = needs - PatentGenerator.count(sql, "SELECT count(*) FROM need WHERE status = 'OPEN'");
            if (needShortfall > 0) {
                BenchContext.progress("matching: generating " + needShortfall + " needs");
                NeedGenerator.generate(catalog, (int) needShortfall, needs);
            }
            sql.execute("ANALYZE patent");
            sql.execute("ANALYZE need");
            BenchContext.progress(String.format("  = %,d patents, %,d open needs (%.0f s to generate and index)",
                    PatentGenerator.count(sql, "SELECT count(*) FROM patent"),
                    PatentGenerator.count(sql, "SELECT count(*) FROM need WHERE status = 'OPEN'"), (System.nanoTime() - began) / 1e9));
            patentBodies = patentBodies(sql);
            needBodies = needBodies(sql);
        }
        Duration warmUp = quick ? Duration.ofSeconds(5) : Duration.ofSeconds(15);
        Duration steady = quick ? Duration.ofSeconds(15) : Duration.ofSeconds(75);
        LoadProfile profile = new LoadProfile(RATE, Duration.ofSeconds(1), warmUp, steady);

        Instant patentsFrom = Instant.now();
        LoadResult patentCalls = context.load("matching POST /patents vs " + label(needs) + " needs", profile,
                post(context, "/patents", partners, patentBodies, (n, body) -> body.put("publicationNumber", "CN-95" + String.format("%07d", n) + "-B")));
        Instant needsFrom = Instant.now();
        LoadResult needCalls = context.load("matching POST /needs vs " + label(patents) + " patents", profile,
                post(context, "/needs", partners, needBodies, (n, body) -> { }));

        List<List<String>> rows = new ArrayList<>();
        try (Connection catalog = stack.database("catalog")) {
            rows.add(row("`POST /patents`: a new patent against " + label(needs) + " open needs", patentCalls, matches(catalog,
                    "SELECT count(m.id) FROM patent p LEFT JOIN need_match m ON m.patent_id = p.id AND m.found_at < ? WHERE p.listed_at >= ?"
                    + " GROUP BY p.id", needsFrom, patentsFrom)));
            rows.add(row("`POST /needs`: a new need against " + label(patents) + " patents", needCalls, matches(catalog,
                    "SELECT count(m.id) FROM need n LEFT JOIN need_match m ON m.need_id = n.id AND m.found_at < ? WHERE n.posted_at >= ?"
                    + " GROUP BY n.id", Instant.now(), needsFrom)));
        }
        report(context, patentKey(needs), "Matching a new patent against " + String.format("%,d", needs)
                + " open needs (`POST /patents`)", patentCalls);
        report(context, needKey(patents), "Matching a new need against " + String.format("%,d", patents)
                + " patents (`POST /needs`)", needCalls);
        context.report().section("## Matching needs and patents\n" + """
                The call that triggers matching, measured end to end: `POST /patents` lists a patent, which catalog-service
                matches against every open need in the same transaction; `POST /needs` posts a need, matched against every
                available patent. %s generated needs (`NeedGenerator`: seven languages, keywords and IPC subclasses from the
                word lists and subclasses of the generated patents, one to three territories, budgets for three in five) and
                %s generated patents (`PatentGenerator`, as for search). The bodies posted are copies of %d generated rows
                picked at random, so they match as often as the generated data does. Each call runs at %s/s (open model,
                from the intended send time), %d s unmeasured, then %d s measured. "Matches recorded" is counted in
                `need_match` per call afterwards (at most `per-change`, 100).

                """.formatted(label(needs), label(patents), SAMPLES, number(RATE), warmUp.toSeconds(), steady.toSeconds())
                + Report.table(List.of("call", "measured", "errors", "p50 ms", "p99 ms", "max ms",
                        "matches recorded per call (min / median / max)"), rows));
    }

    private static void report(BenchContext context, String key, String what, LoadResult result) {
        context.report().result(key, result.percentileMillis(99));
        boolean met = result.errors() == 0 && result.percentileMillis(99) <= 200;
        context.report().aim(what, "p99 ≤ 200 ms", number(result.percentileMillis(99)) + " ms", met, met ? "" : "see the matching section");
    }

    private static List<String> row(String call, LoadResult result, List<Long> matches) {
        String counts = matches.isEmpty() ? "–" : matches.get(0) + " / " + matches.get(matches.size() / 2) + " / " + matches.get(matches.size() - 1);
        return List.of(call, String.valueOf(result.latencyMicros().getTotalCount()), String.valueOf(result.errors()),
                number(result.percentileMillis(50)), number(result.percentileMillis(99)), number(result.maxMillis()), counts);
    }

    /**
     * Matches recorded per anchor posted since {@code from} and found before {@code until} (the patents' phase ends
     * where the needs' begins, whose needs match those patents too), ascending.
     */
    private static List<Long> matches(Connection catalog, String query, Instant until, Instant from) throws Exception {
        List<Long> counts = new ArrayList<>();
        try (PreparedStatement select = catalog.prepareStatement("SELECT c FROM (" + query + ") AS per (c) ORDER BY c")) {
            select.setTimestamp(1, Timestamp.from(until));
            select.setTimestamp(2, Timestamp.from(from));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.add(rows.getLong(1));
                }
            }
        }
        return counts;
    }

    /** Request {@code n} posts a copy of body {@code n} (mod their number), adapted, as one of the partners in turn. */
    private static RequestSender post(BenchContext context, String path, List<String> partners, List<ObjectNode> bodies,
            BiConsumer<Long, ObjectNode> adapt) {
        BenchStack stack = context.stack();
        List<String> tokens = partners.stream().map(stack::partnerToken).toList();
        return n -> {
            ObjectNode body = bodies.get((int) (n % bodies.size())).deepCopy();
            adapt.accept(n, body);
            HttpRequest request = Http.postJson(stack.url("catalog-service", path), tokens.get((int) (n % tokens.size())), body).build();
            return context.http().sendAsync(request);
        };
    }

    /** Generated patents as {@code POST /patents} bodies (granted ones only if granted by today, as the API insists). */
    private static List<ObjectNode> patentBodies(Statement sql) throws Exception {
        List<ObjectNode> bodies = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("""
                SELECT titles, abstracts, ipc_classes, jurisdiction, family_coverage, filing_date, grant_date, legal_status,
                       export_class, deal_types, asking_price_amount, asking_price_currency, target_territories
                FROM patent WHERE publication_number LIKE '%%-90%%' AND (grant_date IS NULL OR grant_date <= current_date)
                ORDER BY random() LIMIT %d""".formatted(SAMPLES))) {
            while (rows.next()) {
                ObjectNode body = Http.JSON.createObjectNode();
                body.set("titles", Http.JSON.readTree(rows.getString("titles")));
                body.set("abstracts", Http.JSON.readTree(rows.getString("abstracts")));
                body.set("ipcClasses", Http.JSON.readTree(rows.getString("ipc_classes")));
                body.put("jurisdiction", rows.getString("jurisdiction"));
                body.set("familyCoverage", Http.JSON.readTree(rows.getString("family_coverage")));
                body.put("filingDate", rows.getString("filing_date"));
                body.put("grantDate", rows.getString("grant_date"));
                body.put("legalStatus", rows.getString("legal_status"));
                body.put("exportClass", rows.getString("export_class"));
                body.set("dealTypes", Http.JSON.readTree(rows.getString("deal_types")));
                body.set("askingPrice", Http.JSON.createObjectNode().put("amount", rows.getBigDecimal("asking_price_amount"))
                        .put("currency", rows.getString("asking_price_currency")));
                body.set("targetTerritories", Http.JSON.readTree(rows.getString("target_territories")));
                bodies.add(body);
            }
        }
        return bodies;
    }

    /** Generated needs as {@code POST /needs} bodies. */
    private static List<ObjectNode> needBodies(Statement sql) throws Exception {
        List<ObjectNode> bodies = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("""
                SELECT titles, descriptions, ipc_classes, keywords, territories, deal_types, budget_amount, budget_currency
                FROM need WHERE status = 'OPEN' ORDER BY random() LIMIT %d""".formatted(SAMPLES))) {
            while (rows.next()) {
                ObjectNode body = Http.JSON.createObjectNode();
                for (String column : List.of("titles", "descriptions", "keywords", "territories")) {
                    body.set(column, Http.JSON.readTree(rows.getString(column)));
                }
                body.set("ipcClasses", Http.JSON.readTree(rows.getString("ipc_classes")));
                body.set("dealTypes", Http.JSON.readTree(rows.getString("deal_types")));
                if (rows.getBigDecimal("budget_amount") != null) {
                    body.set("budget", Http.JSON.createObjectNode().put("amount", rows.getBigDecimal("budget_amount"))
                            .put("currency", rows.getString("budget_currency")));
                }
                body.put("validUntil", Instant.now().plus(Duration.ofDays(180)).toString());
                bodies.add(body);
            }
        }
        return bodies;
    }

    /** The result key of a new patent matched against this many needs: {@code match_patent_vs_100k_needs_p99_ms}. */
    static String patentKey(int needs) {
        return "match_patent_vs_" + label(needs) + "_needs_p99_ms";
    }

    /** The result key of a new need matched against this many patents: {@code match_need_vs_1m_patents_p99_ms}. */
    static String needKey(int patents) {
        return "match_need_vs_" + label(patents) + "_patents_p99_ms";
    }

    /** 100k, 1m: the size as the result keys spell it. */
    private static String label(int count) {
        return count >= 1_000_000 ? count / 1_000_000 + "m" : count / 1_000 + "k";
    }
}
