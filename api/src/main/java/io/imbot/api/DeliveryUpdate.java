package io.imbot.api;

import java.util.Objects;

/**
 * A change in where an outbound message stands, as {@link BotContext#onDeliveryStatus} reports
 * it: {@link DeliveryStatus#PENDING} once the message is stored, then exactly one of {@link
 * DeliveryStatus#ACKNOWLEDGED}, {@link DeliveryStatus#TIMED_OUT} or {@link DeliveryStatus#FAILED}.
 *
 * @param messageId the message's ID (the {@link Delivery#messageId()} a send completes with)
 * @param to the recipient: a user name or {@code #room}
 * @param status where the message stands now
 * @param attempts transmissions so far
 * @param reason why it did not end acknowledged; {@code null} while pending and when acknowledged
 * @param detail a human-readable explanation, empty when there is nothing to add
 * @param connection the connection the message goes out on (see {@link ChatMessage#connection()})
 */
public record DeliveryUpdate(String messageId, String to, DeliveryStatus status, int attempts, DeliveryException.Reason reason,
        String detail, String connection) {

    /** An update on the {@value ChatMessage#DEFAULT_CONNECTION} connection. */
    public DeliveryUpdate(String messageId, String to, DeliveryStatus status, int attempts, DeliveryException.Reason reason,
            String detail) {
        this(messageId, to, status, attempts, reason, detail, ChatMessage.DEFAULT_CONNECTION);
    }

    /** Validates the components; only {@code reason} may be {@code null}. */
    public DeliveryUpdate {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(connection, "connection");
    }
}
