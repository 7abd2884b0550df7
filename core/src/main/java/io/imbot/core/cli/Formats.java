package io.imbot.core.cli;

import io.imbot.api.ChatMessage;
import io.imbot.api.Conversation;
import io.imbot.core.logging.Printable;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the CLI prints messages. */
final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private Formats() {}

    /** A received message: {@code bot: pong} or {@code #lobby alice: hi} (made {@link #printable}). */
    static String incoming(ChatMessage m) {
        return printable((m.inRoom() ? m.to() + " " : "") + m.from() + ": " + m.body());
    }

    /** A history line: time, sender -> recipient, status, text (made {@link #printable}). */
    static String historyLine(ChatMessage m, int attempts) {
        String status = m.status().name();
        if (attempts > 1) {
            status += " after " + attempts + " attempts";
        }
        return String.format("%s  %s%s -> %s  [%s]  %s", TIME.format(m.timestamp()), onConnection(m.connection()), printable(m.from()),
                printable(m.to()), status, printable(m.body()));
    }

    /**
     * A conversation line: name, time and direction of the latest message, counts, then the latest
     * message's sender and preview (made {@link #printable}).
     */
    static String conversationLine(Conversation c) {
        return String.format("%-16s %s  %-8s  %d %s, %d unanswered  %s: %s", onConnection(c.connection()) + printable(c.conversation()),
                TIME.format(c.lastAt()),
                c.lastDirection(), c.messageCount(), c.messageCount() == 1 ? "message" : "messages", c.unanswered(),
                c.lastSender(), printable(c.lastPreview()));
    }

    /** {@code name/} for a connection other than the single default one, else nothing. */
    static String onConnection(String name) {
        return ChatMessage.DEFAULT_CONNECTION.equals(name) ? "" : printable(name) + "/";
    }

    /** {@link Printable#of}: the one rule for what reaches the operator's terminal. */
    static String printable(String text) {
        return Printable.of(text);
    }

    /** An uptime for people: {@code 3d 4h}, {@code 2h 5m}, {@code 4m 10s}, {@code 12s}. */
    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s >= 86_400) {
            return s / 86_400 + "d " + s % 86_400 / 3600 + "h";
        }
        if (s >= 3600) {
            return s / 3600 + "h " + s % 3600 / 60 + "m";
        }
        return s >= 60 ? s / 60 + "m " + s % 60 + "s" : s + "s";
    }

    static String seconds(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }
}
