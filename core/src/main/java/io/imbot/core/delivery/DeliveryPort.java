package io.imbot.core.delivery;

import io.imbot.api.ChatMessage;
import java.util.List;

/**
 * The typed way into the message center for code in the same JVM (the plugin host, the CLI
 * client). Safe from any thread: calls hop onto the message center's context. Messages stay Java
 * objects: nothing is serialised on the way.
 */
public interface DeliveryPort {

    /**
     * Accepts a message for sending.
     *
     * @return when it is stored, and how it ended; a refused request completes both at once
     */
    Submission submit(SendRequest request);

    /**
     * Records that every bot has finished with {@code message} (an {@link Inbound} it received)
     * and every reply it caused is stored, so it is not dispatched again after a restart.
     */
    void handled(ChatMessage message);

    /** The names the bot goes by in the rooms of {@code connection} besides its user; none when unknown. */
    default List<String> nicknames(String connection) {
        return List.of();
    }
}
