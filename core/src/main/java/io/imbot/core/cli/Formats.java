package io.imbot.core.cli;

import io.imbot.api.ChatMessage;
import io.imbot.api.Conversation;
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

    /** A history line: time, sender -> recipient, status, text (made {@link #printable}). */
    static String historyLine(ChatMessage m, int attempts) {
        String status = m.status().name();
        if (attempts > 1) {
            status += " after " + attempts + " attempts";
        }
        return String.format("%s  %s -> %s  [%s]  %s", TIME.format(m.timestamp()), m.from(), m.to(), status, printable(m.body()));
    }

    /**
     * A conversation line: name, time and direction of the latest message, counts, then the latest
     * message's sender and preview (made {@link #printable}).
     */
    static String conversationLine(Conversation c) {
        return String.format("%-16s %s  %-8s  %d %s, %d unanswered  %s: %s", c.conversation(), TIME.format(c.lastAt()),
                c.lastDirection(), c.messageCount(), c.messageCount() == 1 ? "message" : "messages", c.unanswered(),
                c.lastSender(), printable(c.lastPreview()));
    }

    /**
     * Text that cannot change the terminal it is printed on or span lines: control characters
     * (escape sequences, line breaks, tabs, DEL and the C1 range), the Unicode line and paragraph
     * separators and the bidirectional embeddings, overrides and isolates are shown as {@code \n},
     * {@code \r}, {@code \t} or &#92;u and four hex digits. Everything else, emoji and other
     * scripts included, is kept.
     */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (changesTerminal(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean changesTerminal(char c) {
        return Character.isISOControl(c)
                || c == 0x2028 || c == 0x2029 // line and paragraph separators
                || (c >= 0x202A && c <= 0x202E) // bidi embeddings and overrides
                || (c >= 0x2066 && c <= 0x2069); // bidi isolates
    }

    static String seconds(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }
}
