package io.imbot.server;

import io.imbot.protocol.Frame;
import io.imbot.protocol.FrameCodec;
import io.imbot.protocol.FrameDecoder;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native binding: frames with a 4-byte big-endian length prefix on a TCP (or TLS) socket, cut
 * apart by the protocol module's {@link FrameDecoder}, whose memory follows the bytes that arrived.
 */
final class TcpLink implements Link {

    private static final Logger LOG = LoggerFactory.getLogger(TcpLink.class);

    private final NetSocket socket;
    private final String peer;
    private FrameDecoder decoder;

    TcpLink(NetSocket socket) {
        this.socket = socket;
        this.peer = String.valueOf(socket.remoteAddress());
    }

    @Override
    public void start(Input input, int maxFrameBytes) {
        decoder = new FrameDecoder(maxFrameBytes, input::frame, input::badInput);
        socket.handler(chunk -> input.arrived(() -> decoder.handle(chunk)));
        socket.drainHandler(v -> input.drained());
        socket.exceptionHandler(e -> LOG.debug("connection {}: {}", peer, e.toString()));
        // Vert.x is shutting the server down: nothing is gained by lingering, un-acked messages stay queued
        socket.shutdownHandler(v -> socket.close());
        socket.closeHandler(v -> input.closed());
    }

    @Override
    public void maxFrameBytes(int maxFrameBytes) {
        decoder.maxFrameBytes(maxFrameBytes);
    }

    @Override
    public String peer() {
        return peer;
    }

    @Override
    public void write(Frame frame) {
        socket.write(FrameCodec.encode(frame));
    }

    @Override
    public void writeThenClose(Frame frame) {
        socket.write(FrameCodec.encode(frame)).onComplete(ar -> socket.close());
    }

    @Override
    public boolean writeQueueFull() {
        return socket.writeQueueFull();
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
        socket.close();
    }
}
