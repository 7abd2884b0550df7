package io.imbot.api;

/**
 * Where a message stands. Outbound messages start {@link #PENDING} and end in exactly one of
 * {@link #ACKNOWLEDGED}, {@link #TIMED_OUT} or {@link #FAILED}; inbound messages are {@link
 * #RECEIVED}.
 */
public enum DeliveryStatus {
    /** Accepted and stored; not yet acknowledged by the server. */
    PENDING,
    /** The server acknowledged the message. Final. */
    ACKNOWLEDGED,
    /** No acknowledgement within the configured attempts or deadline. Final. */
    TIMED_OUT,
    /** Could not be sent (rejected, stored nowhere, stopped); the reason says why. Final. */
    FAILED,
    /** An inbound message, stored and acknowledged to the server. */
    RECEIVED;

    /** Returns {@code true} for the three outcomes a send can end in. */
    public boolean isFinal() {
        return this == ACKNOWLEDGED || this == TIMED_OUT || this == FAILED;
    }
}
