package org.iprharbor.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention part's verdict on its samples (the reduced form of the long run, which the build runs in
 * milliseconds): a purged table's sawtooth is flat, a table that keeps every row is not.
 */
class TableGrowthTest {

    @Test
    void shouldCallASawtoothAroundASteadyLevelFlat() {
        // 20 rows/s, purged every 10 s of what is older than 60 s: between 1,200 and 1,400 rows
        TableGrowth purged = growth(second -> second < 60 ? 20L * second : 1_200 + 20L * (second % 10),
                second -> 4_000_000 + 5_000L * (second % 60));

        assertThat(purged.flat()).isTrue();
        assertThat(purged.lastRows()).isEqualTo(1_380);
    }

    @Test
    void shouldCallATableThatKeepsEveryRowGrowing() {
        TableGrowth kept = growth(second -> 20L * second, second -> 200L * 20 * second);

        assertThat(kept.flat()).isFalse();
        assertThat(kept.lastRows()).isGreaterThan(kept.middleRows());
    }

    @Test
    void shouldCallATableWhoseRowsStayButWhoseFileGrowsGrowing() {
        TableGrowth bloating = growth(second -> 1_300L, second -> 4_000_000 + 10_000L * second);

        assertThat(bloating.flat()).isFalse();
    }

    @Test
    void shouldTellATableTheLoadNeverTouchedFromOneItFed() {
        assertThat(growth(second -> 298L, second -> second < 500 ? 450_000L : 830_000L).changed()).isFalse();
        assertThat(growth(second -> 1_200 + 20L * (second % 10), second -> 4_000_000L).changed()).isTrue();
    }

    @Test
    void shouldNotJudgeATinyTableByItsRatio() {
        TableGrowth tiny = growth(second -> second < 400 ? 3L : 9L, second -> second < 400 ? 16_384L : 49_152L);

        assertThat(tiny.flat()).isTrue();
    }

    /** Ten minutes sampled every 7 s, so the samples fall at every point of the 10-second purge cycle. */
    private static TableGrowth growth(IntToLongFunction rows, IntToLongFunction bytes) {
        List<TableGrowth.Sample> samples = new ArrayList<>();
        for (int second = 5; second <= 600; second += 7) {
            samples.add(new TableGrowth.Sample(second, rows.applyAsLong(second), bytes.applyAsLong(second)));
        }
        return new TableGrowth("deal", "outbox", samples);
    }
}
