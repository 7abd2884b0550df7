package io.imbot.api.connector;

/**
 * What a {@link Connector} reports to the delivery engine. A connector may call these from any
 * thread; calls made from one thread are handled in the order they were made.
 */
public interface ConnectorListener {

    /** Logged in: messages can be sent. */
    void onReady();

    /** An attempt to connect or log in failed before the connection was ready; say why, in one line. */
    default void onAttemptFailed(String reason) {}

    /** The connection is gone; messages in flight will get no confirmation on it. */
    void onLost(String reason);

    /** The outgoing queue drained below its limit: {@link Connector#writable()} may be true again. */
    void onWritable();

    /**
     * A message arrived. Confirm it with {@link Connector#acknowledge} once the engine calls that,
     * which it does after storing the message.
     */
    void onMessage(InboundMessage message);

    /**
     * The network confirmed the message {@code id}, in the sense of the connector's {@link
     * DeliveryGuarantee}: the server's ACK, the broker's ACK, or for {@link DeliveryGuarantee#NONE}
     * that the message was written to the connection.
     */
    void onAck(String id);

    /** The network refused the message {@code id} for good; retrying will not help. */
    void onRejected(String id, String reason);
}
