package io.imbot.api;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * One chat message, as a bot sees it and as the history stores it.
 *
 * <p>A conversation is named by the other party: for a direct message it is the peer's user name
 * (the sender of an inbound message, the recipient of an outbound one); for a room it is the room
 * name, which always starts with {@code #}.
 *
 * @param id the message ID, unique per message and chosen by its sender
 * @param direction whether the daemon received or sent it
 * @param conversation the conversation the message belongs to (a user name or {@code #room})
 * @param from the sending user
 * @param to the receiving user, or a room name starting with {@code #}
 * @param body the text
 * @param timestamp when the message was created by its sender (or received, if unknown)
 * @param status the delivery status; {@link DeliveryStatus#RECEIVED} for inbound messages
 * @param connection the name of the connection (the network and account) the message came in or
 *     went out on; {@value #DEFAULT_CONNECTION} for a daemon with a single connection
 */
public record ChatMessage(
        String id,
        Direction direction,
        String conversation,
        String from,
        String to,
        String body,
        Instant timestamp,
        DeliveryStatus status,
        String connection) {

    /** The name of the single connection of a daemon configured without a {@code connections} list. */
    public static final String DEFAULT_CONNECTION = "main";

    /** A message on the {@value #DEFAULT_CONNECTION} connection. */
    public ChatMessage(String id, Direction direction, String conversation, String from, String to, String body, Instant timestamp,
            DeliveryStatus status) {
        this(id, direction, conversation, from, to, body, timestamp, status, DEFAULT_CONNECTION);
    }

    /** Validates every component; none may be {@code null} and the ID may not be blank. */
    public ChatMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(connection, "connection");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
    }

    /** Returns {@code true} when the message was sent to a room rather than to one user. */
    public boolean inRoom() {
        return isRoom(to);
    }

    /**
     * Returns {@code true} when the text names {@code user} as {@code @user}, standing alone: not
     * inside a longer word or name ({@code @bot,} counts, {@code @bot-x} and {@code x@bot} do not).
     * User names are case-sensitive.
     */
    public boolean mentions(String user) {
        String tag = "@" + user;
        for (int i = body.indexOf(tag); i >= 0; i = body.indexOf(tag, i + 1)) {
            int end = i + tag.length();
            boolean startsClean = i == 0 || !isNameChar(body.charAt(i - 1));
            boolean endsClean = end == body.length() || !isNameChar(body.charAt(end)) || sentenceEnd(body, end);
            if (startsClean && endsClean) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text after a leading address to {@code name}, or empty when the text does not start with
     * one. An address is {@code @name} standing alone as {@link #mentions} says, or {@code name}
     * followed by {@code :} or {@code ,} (the usual form in IRC channels and XMPP rooms); one
     * {@code :} or {@code ,} after it and the blanks around the rest are removed. So for {@code
     * bot}: {@code "bot: ping"}, {@code "@bot, ping"} and {@code "@bot ping"} give {@code "ping"};
     * {@code "bots: ping"}, {@code "bot ping"} and {@code "ping @bot"} give empty. Case-sensitive.
     */
    public Optional<String> textAfterAddress(String name) {
        String text = body.strip();
        int end;
        if (text.startsWith("@" + name)) {
            end = name.length() + 1;
            if (end < text.length() && isNameChar(text.charAt(end)) && !sentenceEnd(text, end)) {
                return Optional.empty();
            }
        } else if (text.startsWith(name) && text.length() > name.length() && ":,".indexOf(text.charAt(name.length())) >= 0) {
            end = name.length();
        } else {
            return Optional.empty();
        }
        String rest = text.substring(end);
        if (rest.startsWith(":") || rest.startsWith(",")) {
            rest = rest.substring(1);
        }
        return Optional.of(rest.strip());
    }

    /**
     * Whether the message is meant for whoever goes by one of {@code names}: every direct message
     * is; a room message when it {@link #mentions} one of them anywhere or starts with an {@link
     * #textAfterAddress address} to one.
     */
    public boolean isFor(Collection<String> names) {
        return !inRoom() || names.stream().anyMatch(n -> !n.isEmpty() && (mentions(n) || textAfterAddress(n).isPresent()));
    }

    /**
     * Whether the sender is one of {@code users}, each written {@code user} (on any connection) or
     * {@code connection/user} (on that one): how {@code plugins.operators} names the operators.
     */
    public boolean isFromAnyOf(Collection<String> users) {
        return users.contains(from) || users.contains(connection + "/" + from);
    }

    /** A '.' that ends a sentence ("thanks @bot.") rather than continuing a name ("@bot.x"). */
    private static boolean sentenceEnd(String text, int i) {
        return text.charAt(i) == '.' && (i + 1 == text.length() || !isNameChar(text.charAt(i + 1)));
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    /** Returns {@code true} when {@code address} names a room (starts with {@code #}). */
    public static boolean isRoom(String address) {
        return address != null && address.startsWith("#");
    }
}
