package io.imbot.plugins.autoreply;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A daily span during which a rule stays silent, for example 22:00 to 07:00 in Europe/Berlin. The
 * span includes {@code from} and excludes {@code to}; when {@code from} is later than {@code to}
 * it runs over midnight.
 *
 * @param from when the quiet starts, local time
 * @param to when it ends, local time; differs from {@code from}
 * @param zone the zone the times are in
 */
record QuietHours(LocalTime from, LocalTime to, ZoneId zone) {

    QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (from.equals(to)) {
            throw new IllegalArgumentException("from and to must differ, both were " + from);
        }
    }

    /** Whether {@code instant} falls inside the quiet span. */
    boolean covers(Instant instant) {
        LocalTime local = instant.atZone(zone).toLocalTime();
        if (from.isBefore(to)) {
            return !local.isBefore(from) && local.isBefore(to);
        }
        return !local.isBefore(from) || local.isBefore(to);
    }

    @Override
    public String toString() {
        return from + "-" + to + " " + zone.getId();
    }
}
