package io.imbot.plugins.autoreply;

import io.imbot.api.ChatMessage;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The placeholders every reply may use, and the values of all placeholders for one message. */
final class Placeholders {

    /** Filled for every rule, whatever its match type. */
    static final List<String> BUILT_IN = List.of("sender", "text", "bot", "room", "time", "date", "weekday");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private Placeholders() {}

    /**
     * The value of each placeholder for one message.
     *
     * @param message the message
     * @param text the text the rules saw (without a leading mention of the bot)
     * @param botUser the bot's user name
     * @param now the current time in the rules file's zone
     * @param match what the rule's matcher found
     */
    static Function<String, String> values(
            ChatMessage message, String text, String botUser, ZonedDateTime now, TextMatch match) {
        return name -> switch (name) {
            case "sender" -> message.from();
            case "text" -> text;
            case "bot" -> botUser;
            case "room" -> message.inRoom() ? message.to() : "";
            case "time" -> TIME.format(now);
            case "date" -> DATE.format(now);
            case "weekday" -> now.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            default -> match.values().get(name);
        };
    }
}
