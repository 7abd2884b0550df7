package io.imbot.core.connector;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.connector.ConnectorListener;
import io.imbot.api.connector.InboundMessage;
import io.imbot.api.connector.OutboundMessage;
import io.imbot.core.testing.Await;
import io.imbot.plugins.imbotconnector.ImbotConnector;
import io.imbot.plugins.imbotconnector.ImbotOptions;
import io.imbot.protocol.Frame;
import io.imbot.protocol.FrameCodec;
import io.imbot.protocol.FrameDecoder;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The connector against a misbehaving server written here, frame by frame. */
@ExtendWith(VertxExtension.class)
class ImbotConnectorTest {

    /** Records what the connector reports. */
    static final class Recorder implements ConnectorListener {
        final AtomicInteger ready = new AtomicInteger();
        final List<String> lost = new CopyOnWriteArrayList<>();
        final List<InboundMessage> messages = new CopyOnWriteArrayList<>();

        @Override
        public void onReady() {
            ready.incrementAndGet();
        }

        @Override
        public void onLost(String reason) {
            lost.add(reason);
        }

        @Override
        public void onWritable() {}

        @Override
        public void onMessage(InboundMessage message) {
            messages.add(message);
        }

        @Override
        public void onAck(String id) {}

        @Override
        public void onRejected(String id, String reason) {}
    }

    /** A server that logs every client in, then lets the test act on each connection. */
    private static NetServer server(Vertx vertx, List<Frame> fromClient, Handler<NetSocket> afterLogin) {
        AtomicInteger connections = new AtomicInteger();
        return vertx.createNetServer().connectHandler(socket -> {
            int n = connections.incrementAndGet();
            socket.handler(new FrameDecoder(1 << 20, frame -> {
                fromClient.add(frame);
                if (frame instanceof Frame.Login l) {
                    socket.write(FrameCodec.encode(new Frame.LoginOk(l.user())));
                    if (n == 1) {
                        afterLogin.handle(socket);
                    }
                }
            }, e -> {}));
        });
    }

    private static ImbotConnector connector(Vertx vertx, int port, Duration heartbeat, Duration timeout, Recorder recorder) {
        ImbotOptions options = ImbotOptions.defaults("127.0.0.1", port, "bot")
                .withHeartbeat(heartbeat, timeout)
                .withReconnect(Duration.ofMillis(20), Duration.ofMillis(100));
        ImbotConnector c = new ImbotConnector(vertx, options);
        Promise<Void> started = Promise.promise();
        vertx.runOnContext(v -> {
            c.start(recorder);
            started.complete();
        });
        await(started.future());
        return c;
    }

    @Test
    void onFrame_oversizedLengthFromServer_sendsErrorClosesAndReconnects(Vertx vertx) {
        List<Frame> fromClient = new CopyOnWriteArrayList<>();
        NetServer server = await(server(vertx, fromClient, s -> s.write(Buffer.buffer().appendInt(Integer.MAX_VALUE))).listen(0, "127.0.0.1"));
        Recorder recorder = new Recorder();

        connector(vertx, server.actualPort(), Duration.ofSeconds(10), Duration.ofSeconds(30), recorder);
        await(Await.until(vertx, 10, () -> recorder.ready.get() == 2));

        assertThat(fromClient).anySatisfy(f -> assertThat(f).isInstanceOfSatisfying(Frame.Error.class,
                e -> assertThat(e.code()).isEqualTo("frame_too_large")));
        assertThat(recorder.lost).singleElement().asString().contains("frame of 2147483647 bytes");
    }

    @Test
    void onFrame_garbageThenValidMessage_garbageClosesLinkAndNothingIsDelivered(Vertx vertx) {
        List<Frame> fromClient = new CopyOnWriteArrayList<>();
        byte[] notJson = "{not json".getBytes();
        NetServer server = await(server(vertx, fromClient, s -> {
            s.write(Buffer.buffer().appendInt(notJson.length).appendBytes(notJson));
            s.write(FrameCodec.encode(new Frame.Msg("after-garbage", "eve", "bot", "should not arrive", 1)));
        }).listen(0, "127.0.0.1"));
        Recorder recorder = new Recorder();

        connector(vertx, server.actualPort(), Duration.ofSeconds(10), Duration.ofSeconds(30), recorder);
        await(Await.until(vertx, 10, () -> recorder.ready.get() == 2));

        assertThat(recorder.messages).isEmpty();
        assertThat(fromClient).anySatisfy(f -> assertThat(f).isInstanceOfSatisfying(Frame.Error.class,
                e -> assertThat(e.code()).isEqualTo("bad_json")));
    }

    @Test
    void heartbeat_serverGoesSilent_linkDeclaredDeadAndReconnected(Vertx vertx) {
        List<Frame> fromClient = new CopyOnWriteArrayList<>();
        // The first connection answers nothing after login (not even pings) and never closes.
        NetServer server = await(server(vertx, fromClient, s -> s.handler(buffer -> {})).listen(0, "127.0.0.1"));
        Recorder recorder = new Recorder();

        connector(vertx, server.actualPort(), Duration.ofMillis(100), Duration.ofMillis(400), recorder);
        await(Await.until(vertx, 10, () -> recorder.ready.get() == 2));

        assertThat(recorder.lost).singleElement().asString().startsWith("link silent for");
    }

    @Test
    void heartbeat_quietButAnsweringServer_keepsTheLink(Vertx vertx) {
        List<Frame> fromClient = new CopyOnWriteArrayList<>();
        NetServer server = await(vertx.createNetServer().connectHandler(socket -> socket.handler(new FrameDecoder(1 << 20, frame -> {
            fromClient.add(frame);
            if (frame instanceof Frame.Login l) {
                socket.write(FrameCodec.encode(new Frame.LoginOk(l.user())));
            } else if (frame instanceof Frame.Ping) {
                socket.write(FrameCodec.encode(new Frame.Pong()));
            }
        }, e -> {}))).listen(0, "127.0.0.1"));
        Recorder recorder = new Recorder();

        connector(vertx, server.actualPort(), Duration.ofMillis(50), Duration.ofMillis(300), recorder);
        await(Await.until(vertx, 10, () -> fromClient.stream().filter(f -> f instanceof Frame.Ping).count() >= 10));

        assertThat(recorder.lost).isEmpty();
        assertThat(recorder.ready.get()).isEqualTo(1);
    }

    @Test
    void onFrame_generatedBadInputOnEveryConnection_connectorSurvivesAndStillReceives(Vertx vertx) {
        java.util.Random random = new java.util.Random(7);
        int rounds = 40;
        AtomicInteger connections = new AtomicInteger();
        NetServer server = await(vertx.createNetServer().connectHandler(socket -> {
            int n = connections.incrementAndGet();
            socket.handler(new FrameDecoder(1 << 20, frame -> {
                if (frame instanceof Frame.Login l) {
                    socket.write(FrameCodec.encode(new Frame.LoginOk(l.user())));
                    if (n <= rounds) {
                        byte[] junk = new byte[random.nextInt(200)];
                        random.nextBytes(junk);
                        Buffer b = random.nextBoolean() ? Buffer.buffer(junk) : Buffer.buffer().appendInt(junk.length).appendBytes(junk);
                        socket.write(b).onComplete(ar -> socket.close());
                    } else {
                        socket.write(FrameCodec.encode(new Frame.Msg("good", "alice", "bot", "still here", 1)));
                    }
                }
            }, e -> {}));
        }).listen(0, "127.0.0.1"));
        Recorder recorder = new Recorder();
        ImbotOptions options = new ImbotOptions("127.0.0.1", server.actualPort(), "bot", "", List.of(), 1 << 20, Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(1),
                ImbotOptions.Transport.TCP);
        ImbotConnector c = new ImbotConnector(vertx, options);
        vertx.runOnContext(v -> c.start(recorder));

        await(Await.until(vertx, 30, () -> recorder.messages.stream().anyMatch(m -> m.id().equals("good"))));

        assertThat(connections.get()).isGreaterThan(rounds);
        assertThat(recorder.messages).allSatisfy(m -> assertThat(m.id()).isEqualTo("good"));
    }
}
