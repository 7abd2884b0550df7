package io.imbot.api;

/**
 * Where a message stands. Outbound messages start {@link #PENDING} and end in exactly one of
 * {@link #ACKNOWLEDGED} (or {@link #SENT} on a network that confirms nothing), {@link #TIMED_OUT}
 * or {@link #FAILED}; inbound messages are {@link #RECEIVED}.
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
    RECEIVED,
    /**
     * Written to the connection of a network that confirms nothing (such as IRC): handed over, but
     * nobody said it arrived. Never reported as {@link #ACKNOWLEDGED}. Final.
     */
    SENT;

    /** Returns {@code true} for the three outcomes a send can end in. */
    public boolean isFinal() {
        return this == ACKNOWLEDGED || this == SENT || this == TIMED_OUT || this == FAILED;
    }

    /** Returns {@code true} for the outcomes of a send that went through: {@link #ACKNOWLEDGED} and {@link #SENT}. */
    public boolean succeeded() {
        return this == ACKNOWLEDGED || this == SENT;
    }
}
