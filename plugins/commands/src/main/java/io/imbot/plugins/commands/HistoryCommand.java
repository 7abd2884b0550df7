package io.imbot.plugins.commands;

import io.imbot.api.BotCommand;
import io.imbot.api.ChatMessage;
import io.imbot.api.MessageEvent;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code /history [n]}: the last {@code n} messages of the conversation the command came from, one
 * per line with time, sender and text, oldest first. The command message itself is left out.
 */
final class HistoryCommand implements Command {

    /** How many messages without an argument. */
    static final int DEFAULT_COUNT = 10;

    /** The most messages one answer shows. */
    static final int MAX_COUNT = 50;

    /** Longer message texts are cut to this many characters. */
    static final int MAX_TEXT_CHARS = 200;

    private static final BotCommand INFO = new BotCommand("history", "/history [n]",
            "shows the last n messages of this conversation (default " + DEFAULT_COUNT + ", at most " + MAX_COUNT + ")");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Override
    public BotCommand info() {
        return INFO;
    }

    @Override
    public CompletionStage<String> run(List<String> args, MessageEvent event) {
        int count;
        try {
            count = count(args);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedStage(e.getMessage() + ". Usage: " + INFO.usage());
        }
        ChatMessage command = event.message();
        ZoneId zone = event.context().clock().getZone();
        LocalDate today = LocalDate.now(event.context().clock());
        // One more than asked for, since the command itself is stored before the bots see it.
        return event.context().history(command.conversation(), count + 1).thenApply(messages -> {
            List<ChatMessage> shown = messages.stream().filter(m -> !m.id().equals(command.id())).toList();
            shown = shown.subList(Math.max(0, shown.size() - count), shown.size());
            if (shown.isEmpty()) {
                return "No messages in this conversation yet.";
            }
            StringBuilder out = new StringBuilder("Last " + shown.size() + (shown.size() == 1 ? " message:" : " messages:"));
            for (ChatMessage m : shown) {
                out.append('\n').append(line(m, zone, today));
            }
            return out.toString();
        });
    }

    /** The count asked for; throws with a message for the user when it is not 1 to {@value #MAX_COUNT}. */
    static int count(List<String> args) {
        if (args.isEmpty()) {
            return DEFAULT_COUNT;
        }
        String range = "n must be a whole number from 1 to " + MAX_COUNT;
        if (args.size() > 1 || !args.get(0).matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException(range + ", was '" + String.join(" ", args) + "'");
        }
        int n = Integer.parseInt(args.get(0));
        if (n < 1 || n > MAX_COUNT) {
            throw new IllegalArgumentException(range + ", was " + n);
        }
        return n;
    }

    /** {@code HH:mm sender: text}; the date goes first when the message is from another day. */
    static String line(ChatMessage message, ZoneId zone, LocalDate today) {
        ZonedDateTime at = message.timestamp().atZone(zone);
        String when = (at.toLocalDate().equals(today) ? TIME : DATE_TIME).format(at);
        return when + " " + message.from() + ": " + oneLine(message.body());
    }

    /** The text on one line (line breaks become blanks), cut to {@value #MAX_TEXT_CHARS} characters. */
    static String oneLine(String text) {
        String flat = text.replaceAll("\\R+", " ");
        if (flat.codePointCount(0, flat.length()) <= MAX_TEXT_CHARS) {
            return flat;
        }
        return flat.substring(0, flat.offsetByCodePoints(0, MAX_TEXT_CHARS - 1)) + "…";
    }
}
