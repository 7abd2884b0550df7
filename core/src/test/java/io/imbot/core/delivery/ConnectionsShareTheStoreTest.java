package io.imbot.core.delivery;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.DeliveryStatus;
import io.imbot.core.history.JdbcMessageStore;
import io.imbot.plugins.imbotconnector.ImbotConnector;
import io.imbot.plugins.imbotconnector.ImbotOptions;
import io.imbot.server.ImServer;
import io.imbot.server.ServerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several connections write to one database, each engine on its own event loop, as in the daemon:
 * under load from all of them at once every message is stored once, with its own place in the history.
 */
@ExtendWith(VertxExtension.class)
class ConnectionsShareTheStoreTest {

    private static final int CONNECTIONS = 3;
    private static final int EACH = 3000;

    @Test
    void threeConnectionsSendingAtOnce_everyMessageStoredOnceWithADistinctSeq(Vertx vertx) throws Exception {
        String url = "jdbc:hsqldb:mem:share-" + UUID.randomUUID();
        JdbcMessageStore root = await(JdbcMessageStore.open(vertx, url, "bot", Duration.ofSeconds(5)));
        DeliverySettings settings = new DeliverySettings(Duration.ofSeconds(10), 3, Duration.ofSeconds(60), 1000, 100_000,
                Duration.ofSeconds(1), 65536);
        DeliveryCounters counters = new DeliveryCounters();
        List<MessageCenter> engines = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            ImServer server = await(ImServer.start(vertx, ServerOptions.defaults().withPort(0).withOpenLogin(true)));
            ImbotConnector connector = new ImbotConnector(vertx, ImbotOptions.defaults("127.0.0.1", server.port(), "bot"));
            MessageCenter engine = new MessageCenter("c" + i, i == 0, settings, connector, root.forConnection("c" + i, "bot"), "bot", counters);
            await(vertx.deployVerticle(engine));
            engines.add(engine);
        }

        assertThat(engines.stream().map(e -> ((io.vertx.core.internal.ContextInternal) e.context()).nettyEventLoop()).distinct().count())
                .as("the engines run on different event loops, as in the daemon").isGreaterThan(1);
        List<Future<DeliveryOutcome>> outcomes = new ArrayList<>();
        for (int n = 0; n < EACH; n++) {
            for (MessageCenter engine : engines) {
                outcomes.add(engine.submit(SendRequest.fresh("alice", engine.name() + " " + n)).outcome());
            }
        }
        for (Future<DeliveryOutcome> f : outcomes) {
            DeliveryOutcome o = await(f, 60);
            assertThat(o.status()).as(o.toString()).isEqualTo(DeliveryStatus.ACKNOWLEDGED);
        }
        for (MessageCenter engine : engines) {
            await(vertx.undeploy(engine.deploymentID()));
        }

        try (Connection db = DriverManager.getConnection(url, "SA", "");
                ResultSet r = db.createStatement().executeQuery(
                        "SELECT COUNT(*), COUNT(DISTINCT seq), COUNT(DISTINCT id), MIN(seq), MAX(seq) FROM messages")) {
            r.next();
            assertThat(r.getLong(1)).as("rows").isEqualTo(CONNECTIONS * EACH);
            assertThat(r.getLong(2)).as("distinct seq").isEqualTo(CONNECTIONS * EACH);
            assertThat(r.getLong(3)).as("distinct ids").isEqualTo(CONNECTIONS * EACH);
            assertThat(r.getLong(5) - r.getLong(4) + 1).as("no seq skipped").isEqualTo(CONNECTIONS * EACH);
        }
        await(root.close());
    }
}
