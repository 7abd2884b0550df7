package io.imbot.server;

import io.imbot.protocol.Frame;
import io.imbot.protocol.FrameCodec;
import io.imbot.protocol.FrameDecoder;
import io.imbot.protocol.ProtocolException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A bare protocol client for tests: a real TCP socket or WebSocket, frames encoded and decoded with
 * the protocol module, and each received frame handed out once through {@link #next()}.
 *
 * <p>Test code calls it from several threads (the socket's event loop, the server's, the test's),
 * so the two queues are guarded by the object's monitor; promises complete outside it.
 */
final class TestClient {

    /** The transport: what a test client writes to and closes. */
    private interface Wire {
        Future<Void> send(Frame frame);

        /** TCP: bytes as they are; WebSocket: one text message. */
        Future<Void> sendRaw(Buffer bytes);

        void pause();

        void resume();

        Future<Void> close();
    }

    private final Wire wire;
    private final WebSocket webSocket;
    private final ArrayDeque<Frame> received = new ArrayDeque<>();
    private final ArrayDeque<Promise<Frame>> waiting = new ArrayDeque<>();
    private final List<Frame> all = new ArrayList<>();
    private final Promise<Void> closed = Promise.promise();

    private TestClient(NetClient client, NetSocket socket) {
        this.webSocket = null;
        this.wire = new Wire() {
            @Override
            public Future<Void> send(Frame frame) {
                return socket.write(FrameCodec.encode(frame));
            }

            @Override
            public Future<Void> sendRaw(Buffer bytes) {
                return socket.write(bytes);
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
            public Future<Void> close() {
                return socket.close().compose(v -> client.close()); // Vert.x 5 closes an unreachable client: keep it
            }
        };
        FrameDecoder decoder = new FrameDecoder(ServerOptions.DEFAULT_MAX_FRAME_BYTES + 1024, this::onFrame, e -> badFrame(e.getMessage()));
        socket.handler(decoder);
        socket.shutdownHandler(v -> socket.close()); // do not hold up Vert.x's close for its grace period
        socket.closeHandler(v -> onClose());
    }

    private TestClient(WebSocketClient client, WebSocket socket) {
        this.webSocket = socket;
        this.wire = new Wire() {
            @Override
            public Future<Void> send(Frame frame) {
                Buffer encoded = FrameCodec.encode(frame);
                return socket.writeTextMessage(encoded.getString(FrameCodec.HEADER_BYTES, encoded.length(), "UTF-8"));
            }

            @Override
            public Future<Void> sendRaw(Buffer bytes) {
                return socket.writeTextMessage(bytes.toString(StandardCharsets.UTF_8));
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
            public Future<Void> close() {
                return socket.close().compose(v -> client.close()); // Vert.x 5 closes an unreachable client: keep it
            }
        };
        socket.textMessageHandler(text -> {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            try {
                onFrame(FrameCodec.decode(payload, 0, payload.length));
            } catch (ProtocolException e) {
                badFrame(e.getMessage());
            }
        });
        socket.binaryMessageHandler(b -> badFrame("a binary message"));
        socket.shutdownHandler(v -> socket.close());
        socket.closeHandler(v -> onClose());
    }

    static Future<TestClient> connect(Vertx vertx, int port) {
        return connect(vertx, port, new NetClientOptions());
    }

    static Future<TestClient> connect(Vertx vertx, int port, NetClientOptions options) {
        NetClient client = vertx.createNetClient(new NetClientOptions(options).setConnectTimeout(5000));
        return client.connect(port, "127.0.0.1").map(socket -> new TestClient(client, socket));
    }

    /** Connects to {@code ws://127.0.0.1:port/imbot}. */
    static Future<TestClient> connectWebSocket(Vertx vertx, int port) {
        return connectWebSocket(vertx, port, new WebSocketClientOptions());
    }

    /** Connects to {@code ws://127.0.0.1:port/imbot}, or {@code wss://} when {@code options} say SSL. */
    static Future<TestClient> connectWebSocket(Vertx vertx, int port, WebSocketClientOptions options) {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions(options)
                .setConnectTimeout(5000)
                .setMaxMessageSize(4 * ServerOptions.DEFAULT_MAX_FRAME_BYTES));
        WebSocketConnectOptions target = new WebSocketConnectOptions()
                .setHost("127.0.0.1").setPort(port).setURI(ImServer.WEB_SOCKET_PATH).setSsl(options.isSsl());
        return client.connect(target).map(socket -> new TestClient(client, socket));
    }

    /** Sends a frame. */
    Future<Void> send(Frame frame) {
        return wire.send(frame);
    }

    /** Sends raw input, for malformed input: over TCP bytes as they are, over a WebSocket one text message. */
    Future<Void> sendRaw(Buffer bytes) {
        return wire.sendRaw(bytes);
    }

    /** The WebSocket, for what only a WebSocket can send or tell (binary messages, the close status); null over TCP. */
    WebSocket webSocket() {
        return webSocket;
    }

    /** Sends a message with an empty {@code from} (the server fills it in). */
    Future<Void> msg(String id, String to, String body) {
        return send(new Frame.Msg(id, "", to, body, 0));
    }

    /** The next frame not handed out yet; fails if the connection closes first. */
    Future<Frame> next() {
        Promise<Frame> promise = Promise.promise();
        Frame ready;
        boolean isClosed;
        synchronized (this) {
            ready = received.pollFirst();
            isClosed = closed.future().isComplete();
            if (ready == null && !isClosed) {
                waiting.addLast(promise);
            }
        }
        if (ready != null) {
            promise.complete(ready);
        } else if (isClosed) {
            promise.fail(new AssertionError("connection closed; no more frames"));
        }
        return promise.future();
    }

    /** The next frame, which must be of {@code type}. */
    <T extends Frame> Future<T> next(Class<T> type) {
        return next().map(frame -> {
            if (!type.isInstance(frame)) {
                throw new AssertionError("expected " + type.getSimpleName() + " but got " + frame);
            }
            return type.cast(frame);
        });
    }

    /** Logs in with an empty token and expects {@code login_ok}. */
    Future<TestClient> login(String user) {
        return login(user, "").map(answer -> {
            if (!answer.equals(new Frame.LoginOk(user))) {
                throw new AssertionError("expected login_ok for " + user + " but got " + answer);
            }
            return this;
        });
    }

    /** Logs in and returns the answer, whatever it is. */
    Future<Frame> login(String user, String token) {
        return send(new Frame.Login(user, token)).compose(v -> next());
    }

    /** Sends a ping and waits for the next frame, which must be the pong: a barrier proving nothing else was sent before it. */
    Future<Void> sync() {
        return send(new Frame.Ping()).compose(v -> next(Frame.Pong.class)).mapEmpty();
    }

    /** Completes when the server closed the connection. */
    Future<Void> closed() {
        return closed.future();
    }

    /** Every frame received so far, in order. */
    synchronized List<Frame> all() {
        return List.copyOf(all);
    }

    void pause() {
        wire.pause();
    }

    void resume() {
        wire.resume();
    }

    Future<Void> close() {
        return wire.close();
    }

    private void badFrame(String what) {
        closed.tryFail(new AssertionError("server sent a bad frame: " + what));
    }

    private void onClose() {
        closed.tryComplete();
        failWaiting();
    }

    private void onFrame(Frame frame) {
        Promise<Frame> waiter;
        synchronized (this) {
            all.add(frame);
            waiter = waiting.pollFirst();
            if (waiter == null) {
                received.addLast(frame);
            }
        }
        if (waiter != null) {
            waiter.complete(frame);
        }
    }

    private void failWaiting() {
        List<Promise<Frame>> pending;
        synchronized (this) {
            pending = new ArrayList<>(waiting);
            waiting.clear();
        }
        pending.forEach(p -> p.tryFail(new AssertionError("connection closed; no more frames")));
    }
}
