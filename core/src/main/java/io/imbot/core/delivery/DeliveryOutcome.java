package io.imbot.core.delivery;

import io.imbot.api.Delivery;
import io.imbot.api.DeliveryException;
import io.imbot.api.DeliveryStatus;
import io.imbot.api.DeliveryUpdate;

/**
 * How a send ended (or, on the status address, where it stands).
 *
 * @param id the message ID, or empty when the message was refused before it got one
 * @param reason why it did not end acknowledged; {@code null} when it did (or is still pending)
 * @param detail a human-readable explanation, empty when there is nothing to add
 * @param connection the connection the message was for
 */
public record DeliveryOutcome(
        String id, String to, DeliveryStatus status, int attempts, DeliveryException.Reason reason, String detail, String connection) {

    /** A send refused before it got an ID. */
    public static DeliveryOutcome refused(String connection, String to, DeliveryException.Reason reason, String detail) {
        return new DeliveryOutcome("", to, DeliveryStatus.FAILED, 0, reason, detail, connection);
    }

    /** Whether the send went through: acknowledged, or written to a network that confirms nothing. */
    public boolean succeeded() {
        return status.succeeded();
    }

    /** The plugin API's view of this status change. */
    public DeliveryUpdate toUpdate() {
        return new DeliveryUpdate(id, to, status, attempts, reason, detail, connection);
    }

    /** The plugin API's success value; only for an outcome that {@link #succeeded()}. */
    public Delivery toDelivery() {
        return new Delivery(id, status, attempts);
    }

    /** The plugin API's failure for an outcome that was not acknowledged. */
    public DeliveryException toException() {
        String text = (to.isEmpty() ? "message" : "message to " + to) + (id.isEmpty() ? "" : " (" + id + ")") + " "
                + status.name().toLowerCase().replace('_', ' ') + (detail.isEmpty() ? "" : ": " + detail);
        return new DeliveryException(reason == null ? DeliveryException.Reason.UNAVAILABLE : reason, id.isEmpty() ? null : id, text);
    }
}
