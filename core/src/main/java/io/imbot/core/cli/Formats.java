package io.imbot.core.cli;

import io.imbot.api.ChatMessage;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the CLI prints messages. */
final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private Formats() {}

    /** A received message: {@code bot: pong} or {@code #lobby alice: hi}. */
    static String incoming(ChatMessage m) {
        return (m.inRoom() ? m.to() + " " : "") + m.from() + ": " + m.body();
    }

    /** A history line: time, sender -> recipient, status, text. */
    static String historyLine(ChatMessage m, int attempts) {
        String status = m.status().name();
        if (attempts > 1) {
            status += " after " + attempts + " attempts";
        }
        return String.format("%s  %s -> %s  [%s]  %s", TIME.format(m.timestamp()), m.from(), m.to(), status, m.body());
    }

    static String seconds(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }
}
