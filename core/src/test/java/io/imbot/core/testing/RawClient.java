package io.imbot.core.testing;

import io.imbot.protocol.Frame;
import io.imbot.protocol.FrameCodec;
import io.imbot.protocol.FrameDecoder;
import io.imbot.protocol.ProtocolException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A bare protocol client for tests: speaks frames directly, records what it receives. */
public final class RawClient {

    /**
     * Held for as long as the connection: Vert.x registers every {@code NetClient} with a cleaner
     * that shuts it down once the client is unreachable. After a GC that closes a connection (after
     * a 30 s grace period), or kills one still being set up, so a login would never complete.
     */
    private final NetClient client;
    private final NetSocket socket;
    private final List<Frame> received = new CopyOnWriteArrayList<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final Promise<Void> closed = Promise.promise();
    private boolean autoAck = true;

    private record Waiter(Predicate<Frame> match, Promise<Frame> promise) {}

    private RawClient(NetClient client, NetSocket socket) {
        this.client = client;
        this.socket = socket;
        FrameDecoder decoder = new FrameDecoder(1 << 20, this::onFrame, (ProtocolException e) -> {});
        socket.handler(decoder);
        socket.closeHandler(v -> closed.tryComplete());
    }

    /** Connects to {@code port} on loopback and logs in as {@code user}. */
    public static Future<RawClient> login(Vertx vertx, int port, String user) {
        NetClient client = vertx.createNetClient();
        return client.connect(port, "127.0.0.1").compose(s -> {
            RawClient c = new RawClient(client, s);
            Future<Frame> ok = c.next(f -> f instanceof Frame.LoginOk);
            c.send(new Frame.Login(user, ""));
            return ok.map(f -> c);
        }, e -> client.close().transform(v -> Future.failedFuture(e)));
    }

    /**
     * Connects to {@code port} on loopback and sends a login; completes with the client and the
     * server's answer, {@code login_ok} or an error, whichever it is; fails if the connection
     * closes first.
     */
    public static Future<Answered> tryLogin(Vertx vertx, int port, String user, String token) {
        NetClient client = vertx.createNetClient();
        return client.connect(port, "127.0.0.1").compose(s -> {
            RawClient c = new RawClient(client, s);
            Future<Frame> answer = c.next(f -> f instanceof Frame.LoginOk || f instanceof Frame.Error);
            c.send(new Frame.Login(user, token));
            return Future.any(answer, c.closed()).compose(v -> answer.isComplete()
                    ? Future.succeededFuture(new Answered(c, answer.result()))
                    : Future.failedFuture(new AssertionError("the server closed the connection without answering the login")));
        }, e -> client.close().transform(v -> Future.failedFuture(e)));
    }

    /** A client and the answer to its login. */
    public record Answered(RawClient client, Frame answer) {}

    /** Whether inbound {@code msg} frames are ACKed automatically (default yes). */
    public RawClient autoAck(boolean on) {
        autoAck = on;
        return this;
    }

    public void send(Frame f) {
        socket.write(FrameCodec.encode(f));
    }

    public void sendRaw(Buffer b) {
        socket.write(b);
    }

    /** The next frame matching {@code match} that arrives after this call. */
    public synchronized Future<Frame> next(Predicate<Frame> match) {
        Promise<Frame> p = Promise.promise();
        waiters.add(new Waiter(match, p));
        return p.future();
    }

    /** Every frame received so far. */
    public List<Frame> received() {
        return List.copyOf(received);
    }

    /** Messages received so far. */
    public List<Frame.Msg> messages() {
        return received.stream().filter(f -> f instanceof Frame.Msg).map(f -> (Frame.Msg) f).toList();
    }

    public Future<Void> closed() {
        return closed.future();
    }

    /** Closes the connection and its client. */
    public Future<Void> close() {
        return client.close();
    }

    private synchronized void onFrame(Frame f) {
        received.add(f);
        if (f instanceof Frame.Msg m && autoAck) {
            send(new Frame.Ack(m.id()));
        }
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            if (w.match.test(f)) {
                it.remove();
                w.promise.complete(f);
                break;
            }
        }
    }
}
