package io.imbot.core.delivery;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.core.testing.Await;
import io.imbot.core.testing.TestStores;
import io.imbot.plugins.imbotconnector.ImbotConnector;
import io.imbot.plugins.imbotconnector.ImbotOptions;
import io.imbot.server.FaultOptions;
import io.imbot.server.ImServer;
import io.imbot.server.ServerOptions;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The daemon's counters are shared by its connections: one connection's loss or stop must not zero the others' figures. */
@ExtendWith(VertxExtension.class)
class SharedCountersTest {

    private static final DeliverySettings SETTINGS = new DeliverySettings(Duration.ofSeconds(30), 3, Duration.ofSeconds(60), 100, 1000,
            Duration.ofMillis(200), 65536);

    private static MessageCenter engine(Vertx vertx, String name, boolean first, ImServer server, DeliveryCounters counters) {
        ImbotOptions options = ImbotOptions.defaults("127.0.0.1", server.port(), "bot");
        return new MessageCenter(name, first, SETTINGS, new ImbotConnector(vertx, options), await(TestStores.inMemory(vertx, "bot")), "bot",
                counters);
    }

    @Test
    void oneConnectionLostThenStopped_theOthersInFlightAndPendingStayCounted(Vertx vertx) {
        ImServer holding = await(ImServer.start(vertx, ServerOptions.defaults().withPort(0).withOpenLogin(true)));
        ImServer dying = await(ImServer.start(vertx, ServerOptions.defaults().withPort(0).withOpenLogin(true)));
        await(holding.setFaults(FaultOptions.none().withWithholdAcks(true)));
        DeliveryCounters shared = new DeliveryCounters();
        MessageCenter kept = engine(vertx, "kept", true, holding, shared);
        MessageCenter lost = engine(vertx, "lost", false, dying, shared);
        await(vertx.deployVerticle(kept));
        String lostId = await(vertx.deployVerticle(lost));
        await(Await.until(vertx, 10, shared::connected));

        for (int i = 0; i < 5; i++) {
            kept.submit(SendRequest.fresh("alice", "held " + i));
        }
        await(Await.until(vertx, 10, () -> shared.inFlight() == 5));
        lost.submit(SendRequest.fresh("alice", "on the other connection"));
        await(Await.until(vertx, 10, () -> shared.acknowledged() == 1));
        await(dying.stop());
        await(Await.until(vertx, 10, () -> !lost.up()));

        assertThat(shared.inFlight()).as("the kept connection's five are still in flight").isEqualTo(5);
        assertThat(shared.pending()).isEqualTo(5);
        await(vertx.undeploy(lostId));
        assertThat(shared.inFlight()).isEqualTo(5);
        assertThat(shared.pending()).isEqualTo(5);
        assertThat(shared.timers()).as("one ACK timer per message in flight").isEqualTo(5);
    }
}
