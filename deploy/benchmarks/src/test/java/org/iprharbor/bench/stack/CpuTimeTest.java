package org.iprharbor.bench.stack;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CpuTimeTest {

    @Test
    void shouldChargeTheWorkOfThisProcessToIt() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double before = CpuTime.treeMillis(ProcessHandle.current());
        long until = threads.getCurrentThreadCpuTime() + 300_000_000L; // CPU time, so a busy machine cannot starve it
        long spin = 0;
        while (threads.getCurrentThreadCpuTime() < until) {
            spin += Long.numberOfTrailingZeros(spin + System.nanoTime());
        }
        double spent = CpuTime.treeMillis(ProcessHandle.current()) - before;

        assertThat(spin).isPositive();
        assertThat(spent).isGreaterThanOrEqualTo(280.0); // 300 ms of this thread alone, counted in 10 ms ticks
    }

    @Test
    void shouldCountAnEndedProcessAsNothing() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();

        assertThat(CpuTime.treeMillis(ended.toHandle())).isZero();
    }
}
