package org.iprharbor.bench.scenario;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One table's rows and size on disk over a run under steady load, and whether they stayed flat: once retention
 * deletes as many rows per minute as the load adds, the newest third of the run holds no more than the middle third
 * did. Rows rise and fall between two purges (a sawtooth), so the thirds are compared by their highest sample.
 */
public record TableGrowth(String database, String table, List<Sample> samples) {

    /** Growth allowed from the middle third to the last, beyond which the table is growing. */
    static final double TOLERANCE = 0.2;
    /** Below these a table is too small for a ratio to mean anything (a handful of rows, a few pages). */
    static final long ROWS_SLACK = 100;
    static final long BYTES_SLACK = 256 * 1024;

    /** One look at the table, {@code seconds} after the load began. */
    public record Sample(double seconds, long rows, long bytes) {
    }

    public String name() {
        return database + "." + table;
    }

    public boolean flat() {
        return flat(Sample::rows, ROWS_SLACK) && flat(Sample::bytes, BYTES_SLACK);
    }

    /**
     * Whether rows came and went during the run. One that kept the same rows throughout (demo data no load touches)
     * says nothing about retention, whatever its file does.
     */
    public boolean changed() {
        return samples.stream().mapToLong(Sample::rows).distinct().count() > 1;
    }

    /** The highest row count of the middle third of the run. */
    public long middleRows() {
        return highest(1, Sample::rows);
    }

    public long lastRows() {
        return highest(2, Sample::rows);
    }

    public long middleBytes() {
        return highest(1, Sample::bytes);
    }

    public long lastBytes() {
        return highest(2, Sample::bytes);
    }

    private boolean flat(ToLongFunction<Sample> measure, long slack) {
        long middle = highest(1, measure);
        return highest(2, measure) <= middle + Math.max(slack, (long) (middle * TOLERANCE));
    }

    /** The highest value among the samples of one third of the run (0, 1 or 2) by time. */
    private long highest(int third, ToLongFunction<Sample> measure) {
        double end = samples.get(samples.size() - 1).seconds();
        return samples.stream().filter(sample -> Math.min(2, (int) (3 * sample.seconds() / end)) == third)
                .mapToLong(measure).max().orElse(0);
    }
}
