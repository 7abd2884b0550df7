package io.imbot.plugins.autoreply;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in the rules file: {@code 500ms}, {@code 30s}, {@code 1h30m}. */
final class Durations {

    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {}

    /** Parses {@code text}; empty when it is not a duration. */
    static Optional<Duration> parse(String text) {
        String compact = text.replace(" ", "").toLowerCase(Locale.ROOT);
        if (!WHOLE.matcher(compact).matches()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(compact);
        try {
            while (part.find()) {
                long n = Long.parseLong(part.group(1));
                total = total.plus(switch (part.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(total);
    }

    /** Formats for people, to the second: {@code 4m 5s}, {@code 1h}, {@code 0s}. */
    static String format(Duration d) {
        long seconds = (d.toMillis() + 999) / 1000;
        if (seconds <= 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        if (h > 0) {
            out.append(h).append("h ");
        }
        if (m > 0) {
            out.append(m).append("m ");
        }
        if (s > 0) {
            out.append(s).append("s ");
        }
        return out.toString().trim();
    }
}
