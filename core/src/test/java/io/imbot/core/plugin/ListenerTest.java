package io.imbot.core.plugin;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.ChatMessage;
import io.imbot.core.plugin.testbots.WatchingBot;
import io.imbot.core.testing.Await;
import io.imbot.core.testing.DaemonFixture;
import io.imbot.core.testing.RawClient;
import io.imbot.core.testing.TestPlugins;
import io.imbot.protocol.Frame;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Bots watching delivery statuses and the connection through their context, in a real daemon. */
@ExtendWith(VertxExtension.class)
class ListenerTest {

    @TempDir
    Path home;

    @Test
    void onDeliveryStatusAndConnectionChange_botListens_hearsEachChangeOnItsThread(Vertx vertx) throws Exception {
        TestPlugins.jar(home.resolve("plugins"), "watcher", WatchingBot.class);
        try (DaemonFixture f = DaemonFixture.start(vertx, home)) {
            f.login("alice").send("bot", "hello");
            ChatMessage ok = f.nextReply(10);
            RawClient carol = await(RawClient.login(vertx, f.daemon.serverPort(), "carol"));
            await(Await.until(vertx, 10, () -> texts(carol).size() >= 3));

            assertThat(ok.body()).isEqualTo("ok");
            assertThat(texts(carol)).containsExactly("connection UP", "delivery PENDING " + ok.id() + " after 0",
                    "delivery ACKNOWLEDGED " + ok.id() + " after 1");
            await(carol.close());
        }
    }

    private static List<String> texts(RawClient client) {
        return client.messages().stream().map(Frame.Msg::body).toList();
    }
}
