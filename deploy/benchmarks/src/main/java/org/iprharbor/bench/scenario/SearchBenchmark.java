package org.iprharbor.bench.scenario;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.HdrHistogram.Histogram;

import org.iprharbor.bench.driver.LoadProfile;
import org.iprharbor.bench.driver.LoadResult;
import org.iprharbor.bench.report.Report;
import org.iprharbor.bench.stack.BenchStack;
import org.iprharbor.bench.stack.Http;

import static org.iprharbor.bench.report.Report.number;

/**
 * Item 5: catalog search (GET /patents) over generated catalogs of 100k and 1M patents: full text in Latin and
 * Cyrillic script, Chinese substrings, an IPC prefix, combined filters and the second page by cursor, each at a
 * fixed open-model rate; beside the naive way, an unindexed ILIKE scan of the titles run straight on PostgreSQL.
 */
public final class SearchBenchmark implements Benchmark {

    /** A query: what the API is asked, and what a naive implementation would scan for. */
    private record Query(String label, String parameters, String naiveColumn, String naiveTerm) {
    }

    private static final Duration WARM_UP = Duration.ofSeconds(4);

    private static final List<Query> QUERIES = List.of(
            new Query("full text, Latin (`q=lithium`)", "q=lithium", "titles::text", "lithium"),
            new Query("full text, Cyrillic (`q=катализатор`)", "q=" + encode("катализатор"), "titles::text", "катализатор"),
            new Query("Chinese substring (`q=锂电池`)", "q=" + encode("锂电池"), "titles::text", "锂电池"),
            new Query("IPC prefix (`ipc=H01M`)", "ipc=H01M", "ipc_classes::text", "H01M"),
            new Query("combined (`q=battery ipc=H dealType=ASSIGNMENT exportClass=FREE`)",
                    "q=battery&ipc=H&dealType=ASSIGNMENT&exportClass=FREE", "titles::text", "battery"));

    @Override
    public String name() {
        return "search";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        BenchStack stack = context.stack();
        String token = stack.partnerToken(stack.localStack().demoPartners().values().iterator().next());
        List<String> sections = new ArrayList<>();
        long generatedSoFar = 0;
        for (int target : context.settings().patentCounts()) {
            long began = System.nanoTime();
            long total;
            try (Connection catalog = stack.database("catalog")) {
                BenchContext.progress("search: generating " + (target - generatedSoFar) + " patents");
                total = PatentGenerator.generate(catalog, (int) (target - generatedSoFar), target);
                try (Statement sql = catalog.createStatement()) {
                    sql.execute("ANALYZE patent");
                }
            }
            generatedSoFar = target;
            double generationSeconds = (System.nanoTime() - began) / 1e9;
            BenchContext.progress(String.format("  = %,d patents in the catalog (%.0f s to generate and index)", total, generationSeconds));
            requireGeneratedPatentsFound(context.http(), stack, token);
            sections.add(measure(context, token, total, generationSeconds));
        }
        context.report().section("## 5. Catalog search\n" + """
                Patents generated straight into the catalog database by SQL (`PatentGenerator`: titles in English plus one of
                Russian, Kazakh, Chinese, Arabic, Turkish or Uzbek from technical word lists, abstracts, IPC symbols in 20
                subclasses, owners among the seeded partners), with every column search reads computed as the application
                computes it; before measuring, the harness checks through the API that generated patents are found. Each
                query runs at %s requests/s, after a few unmeasured seconds of every kind (open model, the partner token of a seeded partner, `limit=20`, default
                relevance order); the naive baseline runs the same match as `ILIKE '%%term%%'` over the titles' JSON (no
                index can serve it) with `ORDER BY listed_at DESC LIMIT 21`, %d times in a row on one connection.
                """.formatted(number(context.settings().searchRate()), context.settings().naiveRepeats()) + "\n"
                + String.join("\n", sections));
    }

    private String measure(BenchContext context, String token, long total, double generationSeconds) throws Exception {
        BenchStack stack = context.stack();
        Map<String, URI> uris = new LinkedHashMap<>();
        for (Query query : QUERIES) {
            uris.put(query.label(), stack.url("catalog-service", "/patents?limit=20&" + query.parameters()));
        }
        JsonNode firstPage = context.http().call(Http.request(uris.get(QUERIES.get(4).label()), token).GET().build());
        String cursor = firstPage.path("nextCursor").asText(null);
        if (cursor != null) {
            uris.put("combined, page 2 (`cursor=…`)", stack.url("catalog-service", "/patents?limit=20&" + QUERIES.get(4).parameters()
                    + "&cursor=" + encode(cursor)));
        }
        LoadProfile profile = new LoadProfile(context.settings().searchRate(), Duration.ofSeconds(1), Duration.ofSeconds(2),
                context.settings().latencySteady().dividedBy(2));
        // Unmeasured, every kind once: otherwise the first kind measured pays for the JIT compiling the search path.
        for (Map.Entry<String, URI> uri : uris.entrySet()) {
            HttpRequest request = Http.request(uri.getValue(), token).GET().build();
            context.load("search warm-up " + uri.getKey(), new LoadProfile(context.settings().searchRate(), Duration.ofSeconds(1),
                    WARM_UP, Duration.ZERO), n -> context.http().sendAsync(request));
        }
        List<List<String>> rows = new ArrayList<>();
        boolean aimMet = true;
        for (Map.Entry<String, URI> uri : uris.entrySet()) {
            HttpRequest request = Http.request(uri.getValue(), token).GET().build();
            LoadResult result = context.load("search " + uri.getKey(), profile, n -> context.http().sendAsync(request));
            aimMet &= result.percentileMillis(99) <= 50 && result.errors() == 0;
            context.report().result(total >= 1_000_000 ? "search_p99_ms_1m" : "search_p99_ms_" + total / 1000 + "k",
                    uri.getKey(), result.percentileMillis(99));
            Query query = QUERIES.stream().filter(q -> q.label().equals(uri.getKey())).findFirst().orElse(null);
            Histogram naive = query == null ? null : naive(stack, query, context.settings().naiveRepeats());
            rows.add(List.of(uri.getKey(), String.valueOf(result.errors()), number(result.percentileMillis(50)),
                    number(result.percentileMillis(99)), number(result.maxMillis()),
                    naive == null ? "–" : number(naive.getValueAtPercentile(50) / 1000.0),
                    naive == null ? "–" : number(naive.getValueAtPercentile(99) / 1000.0)));
        }
        context.report().aim("Catalog search at " + String.format("%,d", total) + " patents (every query kind)",
                "p99 ≤ 50 ms", aimMet ? "all within" : "see section 5", aimMet, "");
        return """
                ### %,d patents
                Generated and indexed in %.0f s.

                %s
                """.formatted(total, generationSeconds, Report.table(List.of("query", "errors", "p50 ms", "p99 ms", "max ms",
                "naive ILIKE p50 ms", "naive ILIKE p99 ms"), rows));
    }

    /** The naive baseline's latencies (microseconds), sequentially on one connection. */
    private static Histogram naive(BenchStack stack, Query query, int repeats) throws Exception {
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        try (Connection catalog = stack.database("catalog");
                PreparedStatement select = catalog.prepareStatement("SELECT id FROM patent WHERE " + query.naiveColumn()
                        + " ILIKE ? AND status IN ('AVAILABLE', 'RESERVED') ORDER BY listed_at DESC LIMIT 21")) {
            select.setString(1, "%" + query.naiveTerm() + "%");
            for (int i = 0; i < repeats; i++) {
                long began = System.nanoTime();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        rows.getString(1);
                    }
                }
                histogram.recordValue((System.nanoTime() - began) / 1000);
            }
        }
        return histogram;
    }

    /** The API must find generated patents by a word of a generated title, or the numbers would mean nothing. */
    private static void requireGeneratedPatentsFound(Http http, BenchStack stack, String token) throws Exception {
        for (String term : List.of("катализатор", "锂电池", "lithium")) {
            JsonNode page = http.call(Http.request(stack.url("catalog-service", "/patents?limit=5&q=" + encode(term)), token).GET().build());
            boolean generated = false;
            for (JsonNode item : page.path("items")) {
                generated |= item.path("publicationNumber").asText().matches("[A-Z]{2}-90[01][0-9]{6}-B");
            }
            if (!generated) {
                throw new IllegalStateException("the catalog API does not find generated patents for '" + term + "': " + page);
            }
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
