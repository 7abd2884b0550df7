package io.imbot.api.connector;

/**
 * What a network tells the sender about a message it took, declared by each {@link Connector}.
 * The delivery engine reports a message's final status from it: only a network that confirms
 * messages can make a message {@code ACKNOWLEDGED}.
 */
public enum DeliveryGuarantee {
    /** The server confirms each message by its ID, after it has taken responsibility for it. */
    PER_MESSAGE_ACK,
    /** A broker confirms each message it took (MQTT's PUBACK); the recipient may still be offline. */
    BROKER_ACK,
    /**
     * The network confirms nothing (IRC): a message ends {@code SENT} once written to the server's
     * connection, never {@code ACKNOWLEDGED}.
     */
    NONE
}
