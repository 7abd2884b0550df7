package io.imbot.core.delivery;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.core.testing.Await;
import io.imbot.core.testing.EngineFixture;
import io.imbot.core.testing.FaultyStore;
import io.imbot.core.testing.RawClient;
import io.imbot.core.testing.TestStores;
import io.imbot.plugins.imbotconnector.ImbotConnector;
import io.imbot.plugins.imbotconnector.ImbotOptions;
import io.imbot.protocol.Frame;
import io.imbot.server.ImServer;
import io.imbot.server.ServerOptions;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Inbound messages the store cannot take (a full disk) are kept unacknowledged and stored once it recovers. */
@ExtendWith(VertxExtension.class)
class StoreFailureTest {

    @Test
    void onMessage_storeFailsThenRecovers_storedAckedAndShownInOrderWithoutAReconnect(Vertx vertx) {
        ImServer server = await(ImServer.start(vertx, ServerOptions.defaults().withPort(0).withOpenLogin(true)));
        FaultyStore store = new FaultyStore(await(TestStores.inMemory(vertx, "bot")));
        store.failInbound = true;
        DeliveryCounters counters = new DeliveryCounters();
        List<Inbound> shown = new CopyOnWriteArrayList<>();
        List<String> connection = new CopyOnWriteArrayList<>();
        LocalCodecs.register(vertx);
        vertx.eventBus().<Inbound>consumer(Addresses.INBOUND, m -> shown.add(m.body()));
        vertx.eventBus().<io.imbot.api.ConnectionChange>consumer(Addresses.CONNECTION, m -> connection.add(m.body().state().name()));
        ImbotOptions tcp = ImbotOptions.defaults("127.0.0.1", server.port(), "bot");
        await(vertx.deployVerticle(new MessageCenter(EngineFixture.fastSettings(), new ImbotConnector(vertx, tcp), store, "bot", counters)));
        RawClient alice = await(RawClient.login(vertx, server.port(), "alice"));

        alice.send(new Frame.Msg("s-1", "", "bot", "first", 1L));
        alice.send(new Frame.Msg("s-2", "", "bot", "second", 2L));
        await(Await.until(vertx, 10, () -> counters.inboundStoreFailures() >= 4)); // each failed, and failed again on retry
        assertThat(shown).isEmpty();
        assertThat(await(server.stats()).queuedMessages()).as("not acknowledged while not stored").isEqualTo(2);

        store.failInbound = false;
        await(Await.until(vertx, 30, () -> shown.size() == 2));
        await(Await.untilAsync(vertx, 10, () -> server.stats().map(s -> s.queuedMessages() == 0)));

        assertThat(shown).extracting(i -> i.message().id()).containsExactly("s-1", "s-2");
        assertThat(counters.received()).isEqualTo(2);
        assertThat(connection).containsExactly("UP"); // no reconnect was needed
    }
}
