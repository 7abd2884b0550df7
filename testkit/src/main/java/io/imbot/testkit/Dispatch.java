package io.imbot.testkit;

import io.imbot.api.ChatMessage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one inbound message in a {@link BotTester}.
 *
 * @param message the inbound message as the bots saw it
 * @param seenBy the names of the bots that got the message, in the order they got it
 * @param handledBy the name of the bot that marked the message handled, or empty
 * @param sent the messages the bots sent while handling it, in order (replies and {@code send}s)
 */
public record Dispatch(ChatMessage message, List<String> seenBy, Optional<String> handledBy, List<ChatMessage> sent) {

    /** Validates and copies the components. */
    public Dispatch {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(handledBy, "handledBy");
        seenBy = List.copyOf(seenBy);
        sent = List.copyOf(sent);
    }

    /** The texts of {@link #sent()}, in order. */
    public List<String> texts() {
        return sent.stream().map(ChatMessage::body).toList();
    }

    /** Whether some bot marked the message handled. */
    public boolean handled() {
        return handledBy.isPresent();
    }
}
