package io.imbot.api;

import java.util.Objects;

/**
 * The outcome of a send that went through: the network acknowledged it, or, on a network that
 * confirms nothing, it was written to the connection.
 *
 * @param messageId the ID the daemon gave the message
 * @param status always {@link DeliveryStatus#ACKNOWLEDGED}, or {@link DeliveryStatus#SENT} on a network
 *     without acknowledgements
 * @param attempts how many times the message was transmitted (1 when the first try was ACKed)
 */
public record Delivery(String messageId, DeliveryStatus status, int attempts) {

    /** Validates the components. */
    public Delivery {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(status, "status");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0, was " + attempts);
        }
    }
}
