package io.imbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Keeps the benchmarks compiling and working: the whole suite in quick mode (tiny counts, one run).
 * Asserts only that every row produced a figure (or, for MQTT, says clearly why not); never speed.
 */
class SuiteQuickIT {

    @Test
    @Timeout(600) // a hang guard only; the suite's speed is the benchmarks' business, not this test's
    void run_quickMode_everyRowHasAFigure() throws Exception {
        long t0 = System.nanoTime();
        Table table = Suite.run(Options.parse(new String[] {"--quick"}));
        System.out.println(Suite.header(Options.parse(new String[] {"--quick"}), new String[] {"--quick"},
                (System.nanoTime() - t0) / 1e9));
        System.out.println(table.markdown());

        assertThat(table.rows()).hasSizeGreaterThan(20);
        for (Table.Row row : table.rows()) {
            if (row.id().startsWith("mqtt.") && Double.isNaN(row.value())) {
                assertThat(row.note()).as(row.what()).startsWith("unavailable:");
            } else {
                // a number, not a speed: 0 is a figure too (say, no rate step sustained on a cold JVM)
                assertThat(row.value()).as(row.what() + " (" + row.note() + ")").isNotNaN().isGreaterThanOrEqualTo(0);
                assertThat(row.note()).as(row.what()).isNull();
            }
        }
    }
}
