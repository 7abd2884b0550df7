package io.imbot.testsupport;

import java.time.Duration;

/** Test timeouts, scaled by {@code -Dimbot.test.timeoutFactor} for slow machines. */
public final class Timeouts {

    private Timeouts() {}

    /** The factor (1 by default). */
    public static double factor() {
        return Double.parseDouble(System.getProperty("imbot.test.timeoutFactor", "1"));
    }

    /** {@code seconds}, scaled. */
    public static long seconds(long seconds) {
        return Math.max(1, Math.round(seconds * factor()));
    }

    /** {@code d}, scaled. */
    public static Duration scaled(Duration d) {
        return Duration.ofMillis(Math.round(d.toMillis() * factor()));
    }
}
