package io.imbot.plugins.imbotconnector;

import io.imbot.protocol.ErrorCode;
import io.imbot.protocol.Frame;
import io.imbot.protocol.FrameCodec;
import io.imbot.protocol.ProtocolException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The WebSocket binding: each frame's JSON is one text message, without a length prefix. Vert.x
 * puts messages together from WebSocket frames and refuses one over the client's maximum message
 * size ({@code maxFrameBytes}), closing the connection.
 */
final class WebSocketClientLink implements ClientLink {

    private final WebSocket socket;

    WebSocketClientLink(WebSocket socket) {
        this.socket = socket;
    }

    @Override
    public void start(Events events) {
        socket.textMessageHandler(text -> {
            events.bytes();
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            try {
                events.frame(FrameCodec.decode(payload, 0, payload.length));
            } catch (ProtocolException e) {
                events.badFrame(e);
            }
        });
        socket.binaryMessageHandler(data -> {
            events.bytes();
            events.badFrame(new ProtocolException(ErrorCode.BAD_JSON, "a binary WebSocket message; frames are text messages", ""));
        });
        socket.pongHandler(data -> events.bytes());
        socket.exceptionHandler(events::failed);
        socket.drainHandler(v -> events.drained());
        socket.closeHandler(v -> events.closed());
    }

    @Override
    public void write(Frame frame) {
        Buffer encoded = FrameCodec.encode(frame);
        socket.writeTextMessage(encoded.getString(FrameCodec.HEADER_BYTES, encoded.length(), StandardCharsets.UTF_8.name()));
    }

    @Override
    public boolean writeQueueFull() {
        return socket.isClosed() || socket.writeQueueFull();
    }

    @Override
    public Future<Void> close() {
        return socket.close();
    }

    @Override
    public void onShutdown(Consumer<Void> action) {
        socket.shutdownHandler(action::accept);
    }
}
