package io.imbot.core.transport;

import io.vertx.core.Future;

/**
 * The boundary between the delivery engine and an IM network. An implementation owns one logical
 * connection: it connects, logs in, keeps the link alive, reconnects after a loss, and turns wire
 * frames into the calls of {@link ConnectorListener}. The delivery engine knows nothing about the
 * wire: the native TCP protocol is one connector; WebSocket, MQTT or XMPP are others.
 *
 * <p>Threading: call every method on the owner's Vert.x context (the verticle that started it);
 * every listener callback arrives on that same context.
 */
public interface Connector {

    /** Starts connecting; keeps reconnecting with backoff until {@link #stop()}. */
    void start(ConnectorListener listener);

    /** Whether the connector is logged in and can take messages right now. */
    boolean ready();

    /** Whether {@link #ready()} and the outgoing queue has room; else wait for {@code onWritable}. */
    boolean writable();

    /** Writes one message; the ACK (or rejection) arrives later through the listener. */
    void send(OutboundMessage message);

    /** Tells the network that the inbound message {@code id} is stored. */
    void acknowledge(String id);

    /** Closes the connection and stops reconnecting. */
    Future<Void> stop();

    /** A short description for logs, such as {@code tcp://127.0.0.1:7070 as bot}. */
    String describe();
}
