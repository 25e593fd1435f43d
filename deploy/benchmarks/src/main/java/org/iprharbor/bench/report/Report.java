package org.iprharbor.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What one run of the suite found, written as docs/benchmarks.md with its charts in docs/benchmarks/:
 * the machine, the aims (met or missed), then one section per benchmark with its baseline beside it.
 */
public final class Report {

    /** One of the aims with what this run measured. */
    public record Aim(String what, String target, String measured, boolean met, String why) {
    }

    private final List<Aim> aims = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();
    private final Map<String, SvgChart> charts = new LinkedHashMap<>();
    private final Map<String, Object> results = new TreeMap<>();

    public void aim(String what, String target, String measured, boolean met, String why) {
        aims.add(new Aim(what, target, measured, met, why));
    }

    public void section(String markdown) {
        sections.add(markdown.strip());
    }

    /** A figure for {@code results.json} (units in the key's name). */
    public void result(String key, double value) {
        results.put(key, Math.round(value * 100) / 100.0);
    }

    /** A figure per item (service, query kind) for {@code results.json}. */
    public void result(String key, String item, double value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> byItem = (Map<String, Object>) results.computeIfAbsent(key, k -> new TreeMap<String, Object>());
        byItem.put(item, Math.round(value * 100) / 100.0);
    }

    public void result(String key, String value) {
        results.put(key, value);
    }

    /** Adds a chart file; returns the Markdown that shows it. */
    public String chart(String fileName, SvgChart chart) {
        charts.put(fileName, chart);
        return "![" + fileName + "](benchmarks/" + fileName + ")";
    }

    public void write(Path docs, String header, String footer) throws IOException {
        Path chartDir = docs.resolve("benchmarks");
        Files.createDirectories(chartDir);
        for (Map.Entry<String, SvgChart> chart : charts.entrySet()) {
            Files.writeString(chartDir.resolve(chart.getKey()), chart.getValue().render());
        }
        StringBuilder md = new StringBuilder(header.strip()).append("\n\n## The aims\n")
                .append("| aim | target | measured | met? |\n|---|---|---|---|\n");
        for (Aim aim : aims) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", aim.what(), aim.target(), aim.measured(),
                    aim.met() ? "yes" : "**no**" + (aim.why().isBlank() ? "" : ": " + aim.why())));
        }
        for (String section : sections) {
            md.append('\n').append(section).append('\n');
        }
        md.append('\n').append(footer.strip()).append('\n');
        Files.writeString(docs.resolve("benchmarks.md"), md);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(chartDir.resolve("results.json").toFile(), results);
    }

    /** A Markdown table from a header row and rows. */
    public static String table(List<String> header, List<List<String>> rows) {
        StringBuilder table = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(column -> table.append("---|"));
        table.append('\n');
        rows.forEach(row -> table.append("| ").append(String.join(" | ", row)).append(" |\n"));
        return table.toString();
    }

    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
