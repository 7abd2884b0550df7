package io.imbot.server;

import io.imbot.protocol.ErrorCode;
import io.imbot.protocol.Frame;
import io.imbot.protocol.FrameCodec;
import io.imbot.protocol.ProtocolException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket binding: each frame's JSON is one WebSocket text message, without a length prefix.
 *
 * <p>Messages are put together here from their WebSocket frames, not by Vert.x, so that a message
 * over the limit (which changes at login) gets the same fatal {@code frame_too_large} as on TCP,
 * and a binary message the same fatal {@code bad_json} as a malformed frame, before the link
 * closes. What a connection holds follows the bytes that arrived: the message so far, plus one
 * WebSocket frame of at most {@link ServerOptions#WEB_SOCKET_MAX_FRAME_BYTES} that Vert.x reads
 * whole. Vert.x answers pings and close frames itself.
 */
final class WebSocketLink implements Link {

    /** Close status after a fatal error frame: policy violation. */
    static final short CLOSE_AFTER_ERROR = 1008;
    /** Close status when the server drops a connection without a word: going away. */
    static final short CLOSE_DROPPED = 1001;

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketLink.class);

    private final ServerWebSocket socket;
    private final String peer;
    private Input input;
    private int maxFrameBytes;
    private Buffer message; // the text message being put together; null between messages
    private boolean broken; // a fatal error was reported: ignore all further input

    WebSocketLink(ServerWebSocket socket) {
        this.socket = socket;
        this.peer = String.valueOf(socket.remoteAddress());
    }

    @Override
    public void start(Input input, int maxFrameBytes) {
        this.input = input;
        this.maxFrameBytes = maxFrameBytes;
        socket.frameHandler(frame -> input.arrived(() -> onFrame(frame)));
        socket.drainHandler(v -> input.drained());
        socket.exceptionHandler(e -> LOG.debug("WebSocket {}: {}", peer, e.toString()));
        socket.shutdownHandler(v -> close()); // Vert.x is shutting the server down
        socket.closeHandler(v -> input.closed());
    }

    @Override
    public void maxFrameBytes(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public String peer() {
        return peer;
    }

    @Override
    public void write(Frame frame) {
        socket.writeTextMessage(json(frame)); // Vert.x splits it into WebSocket frames of its maximum size
    }

    @Override
    public void writeThenClose(Frame frame) {
        socket.writeTextMessage(json(frame)).onComplete(ar -> socket.close(CLOSE_AFTER_ERROR));
    }

    @Override
    public boolean writeQueueFull() {
        // Vert.x throws once the WebSocket is closed, which may be before its close handler runs
        return socket.isClosed() || socket.writeQueueFull();
    }

    @Override
    public void pause() {
        socket.pause();
    }

    @Override
    public void resume() {
        socket.resume();
    }

    @Override
    public void close() {
        socket.close(CLOSE_DROPPED);
    }

    private static String json(Frame frame) {
        Buffer encoded = FrameCodec.encode(frame);
        return encoded.getString(FrameCodec.HEADER_BYTES, encoded.length(), StandardCharsets.UTF_8.name());
    }

    private void onFrame(WebSocketFrame frame) {
        if (broken) {
            return;
        }
        if (frame.isBinary()) {
            fail(new ProtocolException(ErrorCode.BAD_JSON,
                    "binary WebSocket messages are not accepted: send each frame as one text message", ""));
            return;
        }
        if (frame.isText()) {
            message = Buffer.buffer(); // the WebSocket decoder refuses a new message inside a fragmented one
        } else if (!frame.isContinuation() || message == null) {
            return; // ping, pong or close; or the rest of a message that came while the server was silent
        }
        Buffer data = frame.binaryData();
        if (message.length() + data.length() > maxFrameBytes) {
            fail(new ProtocolException(ErrorCode.FRAME_TOO_LARGE, "message of at least "
                    + (message.length() + data.length()) + " bytes exceeds the maximum of " + maxFrameBytes, ""));
            return;
        }
        Buffer whole = message.length() == 0 && frame.isFinal() ? data : message.appendBuffer(data);
        if (frame.isFinal()) {
            message = null;
            decode(whole.getBytes());
        }
    }

    private void decode(byte[] payload) {
        Frame frame;
        try {
            frame = FrameCodec.decode(payload, 0, payload.length);
        } catch (ProtocolException e) {
            if (e.fatal()) {
                fail(e);
            } else {
                input.badInput(e);
            }
            return;
        }
        input.frame(frame);
    }

    private void fail(ProtocolException e) {
        broken = true;
        message = null;
        input.badInput(e);
    }
}
