package io.imbot.core.delivery;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.DeliveryStatus;
import io.imbot.core.testing.Await;
import io.imbot.core.testing.TestStores;
import io.imbot.plugins.imbotconnector.ImbotConnector;
import io.imbot.plugins.imbotconnector.ImbotOptions;
import io.imbot.protocol.Frame;
import io.imbot.protocol.FrameCodec;
import io.imbot.protocol.FrameDecoder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A server that stops reading fills the socket's write queue: sending pauses, then resumes on drain. */
@ExtendWith(VertxExtension.class)
class WriteQueueTest {

    @Test
    void send_serverStopsReading_sendingPausesOnFullQueueAndResumesOnDrain(Vertx vertx) {
        AtomicReference<NetSocket> bot = new AtomicReference<>();
        // A fixed receive buffer: Linux otherwise grows it (tcp_rmem, up to 32 MiB here) until it holds every byte sent.
        NetServerOptions fixedBuffer = new NetServerOptions().setReceiveBufferSize(64 * 1024);
        NetServer server = await(vertx.createNetServer(fixedBuffer).connectHandler(socket -> socket.handler(new FrameDecoder(1 << 20, frame -> {
            if (frame instanceof Frame.Login l) {
                socket.write(FrameCodec.encode(new Frame.LoginOk(l.user())));
                socket.pause(); // read nothing more until the test says so
                bot.set(socket);
            } else if (frame instanceof Frame.Msg m) {
                socket.write(FrameCodec.encode(new Frame.Ack(m.id())));
            }
        }, e -> {}))).listen(0, "127.0.0.1"));
        DeliverySettings settings = new DeliverySettings(Duration.ofSeconds(30), 3, Duration.ofSeconds(60), 1000, 1000, Duration.ofSeconds(1), 65536);
        DeliveryCounters counters = new DeliveryCounters();
        ImbotOptions tcp = ImbotOptions.defaults("127.0.0.1", server.actualPort(), "bot");
        await(vertx.deployVerticle(new MessageCenter(settings, new ImbotConnector(vertx, tcp), await(TestStores.inMemory(vertx, "bot")),
                "bot", counters)));
        String body = "x".repeat(60_000);

        List<Future<DeliveryOutcome>> sends = new ArrayList<>();
        for (int i = 0; i < 200; i++) { // 12 MB: far more than the buffers between the two hold
            sends.add(vertx.eventBus().<DeliveryOutcome>request(Addresses.SEND, SendRequest.fresh("alice", body),
                            new io.vertx.core.eventbus.DeliveryOptions().setSendTimeout(60_000))
                    .map(r -> r.body()));
        }
        await(Await.until(vertx, 30, () -> counters.writeQueuePauses() >= 1 && bot.get() != null));

        assertThat(counters.inFlight()).as("written before the queue filled").isLessThan(200);
        bot.get().resume();
        for (Future<DeliveryOutcome> s : sends) {
            assertThat(await(s).status()).isEqualTo(DeliveryStatus.ACKNOWLEDGED);
        }
        assertThat(counters.inFlight()).isZero();
    }
}
