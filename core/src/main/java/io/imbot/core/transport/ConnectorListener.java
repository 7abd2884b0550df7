package io.imbot.core.transport;

/** What a {@link Connector} reports to the delivery engine; called on the engine's context. */
public interface ConnectorListener {

    /** Logged in: messages can be sent. */
    void onReady();

    /** An attempt to connect or log in failed before the connection was ready; another follows. */
    default void onAttemptFailed(String reason) {}

    /** The connection is gone; messages in flight will get no ACK on it. */
    void onLost(String reason);

    /** The outgoing queue drained below its limit. */
    void onWritable();

    /** A message arrived; acknowledge it with {@link Connector#acknowledge} once it is stored. */
    void onMessage(InboundMessage message);

    /** The network acknowledged the message {@code id}. */
    void onAck(String id);

    /** The network refused the message {@code id} for good; retrying will not help. */
    void onRejected(String id, String reason);
}
