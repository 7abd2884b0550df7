package io.imbot.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One conversation as the history summarises it: its latest message and how many messages wait for
 * an answer. {@link BotContext#conversations(int)} lists them, most recently active first.
 *
 * <p>{@code unanswered} counts the inbound messages stored since the daemon last sent a message
 * into the conversation: each new inbound message adds one, each outbound message (whatever its
 * delivery outcome) sets it back to 0, and a redelivered inbound message, which the history stores
 * only once, adds nothing. In a room every member's message counts.
 *
 * <pre>{@code
 * ctx.conversations(20).thenAccept(list -> list.stream()
 *         .filter(c -> c.unanswered() > 0)
 *         .forEach(c -> ctx.send(c.conversation(), "Sorry, I'll be with you shortly.")));
 * }</pre>
 *
 * @param conversation the conversation's name, as in {@link ChatMessage#conversation()}: the peer's
 *     user name, or a room name starting with {@code #}
 * @param lastId the ID of the latest message
 * @param lastDirection whether the daemon received or sent the latest message
 * @param lastSender the user who sent the latest message (the daemon's own user when outbound)
 * @param lastPreview the start of the latest message's text: see {@link #preview(String)}
 * @param lastAt when the daemon stored the latest message
 * @param messageCount how many messages the conversation holds, both directions
 * @param unanswered inbound messages since the daemon's last message to the conversation
 * @param connection the connection the conversation is on (see {@link ChatMessage#connection()})
 */
public record Conversation(
        String conversation,
        String lastId,
        Direction lastDirection,
        String lastSender,
        String lastPreview,
        Instant lastAt,
        long messageCount,
        long unanswered,
        String connection) {

    /** A conversation on the {@value ChatMessage#DEFAULT_CONNECTION} connection. */
    public Conversation(String conversation, String lastId, Direction lastDirection, String lastSender, String lastPreview,
            Instant lastAt, long messageCount, long unanswered) {
        this(conversation, lastId, lastDirection, lastSender, lastPreview, lastAt, messageCount, unanswered,
                ChatMessage.DEFAULT_CONNECTION);
    }

    /** The longest {@link #lastPreview()}, in {@code char}s. */
    public static final int PREVIEW_CHARS = 200;

    /** Validates the components: none {@code null}, counts not negative. */
    public Conversation {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(lastId, "lastId");
        Objects.requireNonNull(lastDirection, "lastDirection");
        Objects.requireNonNull(lastSender, "lastSender");
        Objects.requireNonNull(lastPreview, "lastPreview");
        Objects.requireNonNull(lastAt, "lastAt");
        Objects.requireNonNull(connection, "connection");
        if (messageCount < 0) {
            throw new IllegalArgumentException("messageCount must be >= 0, was " + messageCount);
        }
        if (unanswered < 0) {
            throw new IllegalArgumentException("unanswered must be >= 0, was " + unanswered);
        }
    }

    /**
     * The preview of a message text: its first {@value #PREVIEW_CHARS} {@code char}s, one fewer
     * when the cut would split a surrogate pair. Shorter texts are kept whole.
     */
    public static String preview(String body) {
        if (body.length() <= PREVIEW_CHARS) {
            return body;
        }
        int end = Character.isHighSurrogate(body.charAt(PREVIEW_CHARS - 1)) ? PREVIEW_CHARS - 1 : PREVIEW_CHARS;
        return body.substring(0, end);
    }
}
