package io.imbot.core.config;

import io.imbot.api.connector.DurationText;
import java.time.Duration;

/** Parses durations written as a number and a unit: {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}. */
public final class Durations {

    private Durations() {}

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the accepted forms when {@code text} is not one
     */
    public static Duration parse(String text) {
        return DurationText.parse(text);
    }

    /** Writes {@code d} in the shortest form {@link #parse} reads back. */
    public static String format(Duration d) {
        return DurationText.format(d);
    }
}
