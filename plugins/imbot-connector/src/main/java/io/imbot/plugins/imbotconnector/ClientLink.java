package io.imbot.plugins.imbotconnector;

import io.imbot.protocol.Frame;
import io.imbot.protocol.ProtocolException;
import io.vertx.core.Future;
import java.util.function.Consumer;

/**
 * One connection to the server, whatever carries it: length-prefixed frames over TCP, or one JSON
 * text message per frame over a WebSocket; with or without TLS.
 */
interface ClientLink {

    /** What a link reports, on the connector's context. */
    interface Events {
        /** Any bytes arrived (a heartbeat's proof of life). */
        void bytes();

        void frame(Frame frame);

        void badFrame(ProtocolException e);

        void drained();

        /** A transport error; the close that follows reports the loss. */
        void failed(Throwable e);

        void closed();
    }

    /** Starts reading; every event goes to {@code events}. */
    void start(Events events);

    void write(Frame frame);

    boolean writeQueueFull();

    Future<Void> close();

    /** Vert.x is shutting down: close at once, without waiting out a grace period. */
    void onShutdown(Consumer<Void> action);
}
