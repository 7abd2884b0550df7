package io.imbot.plugins.imbotconnector;

import io.imbot.protocol.Frame;
import io.imbot.protocol.FrameCodec;
import io.imbot.protocol.FrameDecoder;
import io.vertx.core.Future;
import io.vertx.core.net.NetSocket;
import java.util.function.Consumer;

/** Length-prefixed JSON frames over a TCP (or TLS) socket. */
final class TcpClientLink implements ClientLink {

    private final NetSocket socket;
    private final int maxFrameBytes;

    TcpClientLink(NetSocket socket, int maxFrameBytes) {
        this.socket = socket;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public void start(Events events) {
        FrameDecoder decoder = new FrameDecoder(maxFrameBytes, events::frame, events::badFrame);
        socket.handler(buffer -> {
            events.bytes();
            decoder.handle(buffer);
        });
        socket.exceptionHandler(events::failed);
        socket.drainHandler(v -> events.drained());
        socket.closeHandler(v -> events.closed());
    }

    @Override
    public void write(Frame frame) {
        socket.write(FrameCodec.encode(frame));
    }

    @Override
    public boolean writeQueueFull() {
        return socket.writeQueueFull();
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
