package io.imbot.core.delivery;

/**
 * Event-bus addresses of the message center. Bodies are the message center's own immutable
 * records, passed by reference inside the JVM ({@link LocalCodecs}); nothing is turned into JSON
 * on the way. Code in the same JVM that needs more than request and reply (the plugin host learns
 * when a reply is stored) uses the {@link DeliveryPort} instead.
 */
public final class Addresses {

    private Addresses() {}

    /**
     * Request/reply: send a message on the first connection, or on the one the request names. The
     * request is a {@link SendRequest}; the reply is the {@link DeliveryOutcome} once the send ended.
     */
    public static final String SEND = "imbot.send";

    /** Request/reply like {@link #SEND}, straight to the message center of the connection {@code name}. */
    public static String sendOn(String name) {
        return SEND + "." + name;
    }

    /** Publish: every inbound message after it is stored and ACKed, as an {@link Inbound}; once, or again after a restart if it was not handled. */
    public static final String INBOUND = "imbot.inbound";

    /** Publish: each status change of an outbound message as a {@link DeliveryOutcome}: PENDING once stored, then its outcome. */
    public static final String DELIVERY_STATUS = "imbot.delivery";

    /** Publish: each change of a connection, as an {@link io.imbot.api.ConnectionChange}. */
    public static final String CONNECTION = "imbot.connection";
}
