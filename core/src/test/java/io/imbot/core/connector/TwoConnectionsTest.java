package io.imbot.core.connector;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.imbot.api.ChatMessage;
import io.imbot.api.Conversation;
import io.imbot.core.client.ChatClient;
import io.imbot.core.delivery.DeliverySettings;
import io.imbot.core.plugin.testbots.EchoBot;
import io.imbot.core.testing.Await;
import io.imbot.core.testing.DaemonFixture;
import io.imbot.core.testing.TestPlugins;
import io.imbot.core.testing.Wire;
import io.imbot.plugins.imbotconnector.ImbotOptions;
import io.imbot.server.ImServer;
import io.imbot.server.ServerOptions;
import io.imbot.testsupport.Timeouts;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One daemon, two connections to two servers (plain TCP and WebSocket over TLS): each answers on its
 * own, and one server's death leaves the other answering. And the embedded server over TLS.
 */
@ExtendWith(VertxExtension.class)
class TwoConnectionsTest {

    /** One Vert.x per person: a ChatClient hears every inbound message published on its Vert.x's event bus. */
    private final Vertx north = Vertx.vertx();
    private final Vertx south = Vertx.vertx();

    @AfterEach
    void closePeople() {
        await(north.close());
        await(south.close());
    }

    @Test
    void twoServers_eachPersonAnsweredOnTheirOwnConnection_andOneServerDownLeavesTheOtherAnswering(Vertx vertx, @TempDir Path home)
            throws Exception {
        ImServer northServer = await(ImServer.start(vertx, ServerOptions.defaults().withPort(0).withOpenLogin(true)));
        ImServer southServer = await(ImServer.start(vertx, Wire.WSS.serve(ServerOptions.defaults().withPort(0).withOpenLogin(true))));
        TestPlugins.jar(home.resolve("plugins"), "echo", EchoBot.class);
        String yaml = """
                server:
                  embedded: false
                connections:
                  - name: north
                    url: tcp://127.0.0.1:%d
                    user: bot
                  - name: south
                    url: wss://localhost:%d/imbot
                    user: bot
                    reconnect:
                      initialDelay: 50ms
                    options:
                      caFile: certs/ca.pem
                """.formatted(northServer.port(), southServer.webSocketPort());
        // A relative caFile is found in the imbot folder, not the working folder.
        Files.createDirectories(home.resolve("certs"));
        Files.copy(Wire.certificates().caCert(), home.resolve("certs/ca.pem"));

        try (DaemonFixture f = DaemonFixture.startWithYaml(vertx, home, yaml)) {
            BlockingQueue<ChatMessage> aliceInbox = new LinkedBlockingQueue<>();
            BlockingQueue<ChatMessage> bobInbox = new LinkedBlockingQueue<>();
            ChatClient alice = person(north, ImbotOptions.defaults("127.0.0.1", northServer.port(), "alice"), aliceInbox);
            ChatClient bob = person(south, Wire.WSS.reach(southServer, ImbotOptions.defaults("127.0.0.1", 0, "bob")), bobInbox);

            await(alice.send("bot", "hi from the north"));
            await(bob.send("bot", "hi from the south"));

            assertThat(next(aliceInbox).body()).isEqualTo("echo: hi from the north");
            assertThat(next(bobInbox).body()).isEqualTo("echo: hi from the south");
            assertThat(await(f.daemon.history().conversations(10))).extracting(Conversation::connection, Conversation::conversation)
                    .containsExactlyInAnyOrder(tuple("north", "alice"),
                            tuple("south", "bob"));

            await(southServer.stop());
            await(alice.send("bot", "still there?"));

            assertThat(next(aliceInbox).body()).isEqualTo("echo: still there?");
            // The south link's close reaches the daemon on its own schedule; the north echo can be faster.
            await(Await.until(vertx, 10, () -> !f.daemon.counters().connected()));
        }
    }

    @Test
    void embeddedServerOverTls_theDaemonReachesItAndAPersonOnItsSecureWebSocketIsAnswered(Vertx vertx, @TempDir Path home)
            throws Exception {
        TestPlugins.jar(home.resolve("plugins"), "echo", EchoBot.class);
        String yaml = """
                server:
                  webSocketPort: 0
                  tls:
                    cert: %s
                    key: %s
                """.formatted(Wire.certificates().serverCert(), Wire.certificates().serverKey());

        try (DaemonFixture f = DaemonFixture.startWithYaml(vertx, home, yaml)) {
            BlockingQueue<ChatMessage> inbox = new LinkedBlockingQueue<>();
            ImbotOptions wss = ImbotOptions.defaults("127.0.0.1", f.daemon.serverWebSocketPort(), "carol")
                    .withTransport(new ImbotOptions.Transport(true, true, "/imbot", Wire.certificates().caCert().toString(), true));
            ChatClient carol = person(north, wss, inbox);

            await(carol.send("bot", "over wss"));

            assertThat(next(inbox).body()).isEqualTo("echo: over wss");
        }
    }

    private static ChatClient person(Vertx people, ImbotOptions options, BlockingQueue<ChatMessage> inbox) {
        DeliverySettings d = new DeliverySettings(Duration.ofMillis(500), 3, Duration.ofSeconds(10), 100, 1000, Duration.ofSeconds(1), 65536);
        ChatClient client = new ChatClient(people, options, d);
        await(client.connect(inbox::add));
        return client;
    }

    private static ChatMessage next(BlockingQueue<ChatMessage> inbox) throws InterruptedException {
        ChatMessage m = inbox.poll(Timeouts.seconds(10), TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("no reply within " + Timeouts.seconds(10) + " s");
        }
        return m;
    }
}
