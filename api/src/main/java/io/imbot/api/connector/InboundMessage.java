package io.imbot.api.connector;

import java.util.Objects;

/**
 * A message a connector received, in the delivery engine's terms.
 *
 * @param id the message's ID on its network, unique per sender; the engine drops a second message
 *     with the same sender and ID as a duplicate
 * @param from the sender, in the network's address form
 * @param to the recipient: the bot's own address, or a room whose name starts with {@code #}
 * @param body the text
 * @param sentAt the sender's timestamp in epoch milliseconds, or 0 when the network has none
 */
public record InboundMessage(String id, String from, String to, String body, long sentAt) {

    /** Checks that no component is null. */
    public InboundMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
    }
}
