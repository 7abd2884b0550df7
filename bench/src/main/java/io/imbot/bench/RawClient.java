package io.imbot.bench;

import io.imbot.protocol.Frame;
import io.imbot.protocol.FrameCodec;
import io.imbot.protocol.FrameDecoder;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.util.List;
import java.util.function.Consumer;

/**
 * A bare protocol client on one Vert.x context: a NetSocket, the protocol's codec, nothing else (no
 * timers, no database). Every method runs on its context.
 */
final class RawClient {

    final Context ctx;
    private final Vertx vertx;
    private NetClient client;
    private NetSocket socket;
    private Consumer<Frame> onFrame = f -> { };

    private RawClient(Vertx vertx) {
        this.vertx = vertx;
        this.ctx = vertx.getOrCreateContext();
    }

    /** Connects, logs in as {@code user} and joins {@code rooms}; completes once every room is joined. */
    static Future<RawClient> connect(Vertx vertx, int port, String user, List<String> rooms) {
        RawClient c = new RawClient(vertx);
        Promise<RawClient> ready = Promise.promise();
        c.ctx.runOnContext(v -> c.open(port)
                .onFailure(ready::fail)
                .onSuccess(s -> {
                    c.socket = s;
                    int[] joined = {0};
                    c.onFrame = f -> {
                        if (f instanceof Frame.LoginOk && rooms.isEmpty()) {
                            ready.tryComplete(c);
                        } else if (f instanceof Frame.Joined && ++joined[0] == rooms.size()) {
                            ready.tryComplete(c);
                        } else if (f instanceof Frame.Error e) {
                            ready.tryFail(e.code() + ": " + e.text());
                        }
                    };
                    FrameDecoder decoder = new FrameDecoder(1 << 20, f -> c.onFrame.accept(f), e -> ready.tryFail(e));
                    s.handler(decoder);
                    c.write(new Frame.Login(user, ""));
                    rooms.forEach(r -> c.write(new Frame.Join(r)));
                }));
        return ready.future();
    }

    /** Connects; the client is kept for the connection's life, as Vert.x shuts an unreachable NetClient down after a GC. */
    private Future<NetSocket> open(int port) {
        client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true));
        return client.connect(port, "127.0.0.1");
    }

    /** Replaces the frame handler (on the context). */
    void onFrame(Consumer<Frame> handler) {
        this.onFrame = handler;
    }

    void write(Frame frame) {
        socket.write(FrameCodec.encode(frame));
    }

    Future<Void> close() {
        Promise<Void> p = Promise.promise();
        ctx.runOnContext(v -> client.close().onComplete(p));
        return p.future();
    }
}
