package io.imbot.core.delivery;

/**
 * Event-bus addresses of the delivery engine. Bodies are JSON objects, so a clustered event bus
 * can carry them unchanged.
 */
public final class Addresses {

    private Addresses() {}

    /**
     * Request/reply: send a message. Request {@code {"to": "alice", "body": "hi"}}; the reply is the
     * outcome {@code {"id", "to", "status", "attempts", "reason", "detail"}} once the send ended.
     */
    public static final String SEND = "imbot.send";

    /** Publish: every inbound message once, after it is stored and ACKed (a {@code ChatMessage} as JSON). */
    public static final String INBOUND = "imbot.inbound";

    /** Publish: every delivery status change of an outbound message (PENDING, then the final outcome). */
    public static final String DELIVERY_STATUS = "imbot.delivery";

    /** Publish: connection changes, {@code {"state": "up"|"down"|"failed", "reason": "..."}}. */
    public static final String CONNECTION = "imbot.connection";
}
