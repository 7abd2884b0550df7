package io.imbot.core.connector;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.imbot.api.DeliveryStatus;
import io.imbot.api.connector.InboundMessage;
import io.imbot.api.connector.OutboundMessage;
import io.imbot.core.config.ConfigException;
import io.imbot.core.connector.loopback.LoopbackConnector;
import io.imbot.core.connector.loopback.LoopbackConnectorFactory;
import io.imbot.core.connector.loopback.LoopbackNetwork;
import io.imbot.core.delivery.Addresses;
import io.imbot.core.delivery.DeliveryOutcome;
import io.imbot.core.history.MessageRecord;
import io.imbot.core.plugin.testbots.EchoBot;
import io.imbot.core.plugin.testbots.MentionBot;
import io.imbot.core.testing.Await;
import io.imbot.core.testing.DaemonFixture;
import io.imbot.core.testing.TestPlugins;
import io.imbot.testsupport.Timeouts;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A connector is a plugin: a jar dropped into plugins/ makes a kind of connection, with its own address rules and guarantee. */
@ExtendWith(VertxExtension.class)
class ConnectorPluginTest {

    private static String loopbackConnection(String url, String guarantee) {
        return """
                server:
                  embedded: false
                connections:
                  - name: lab
                    kind: loopback
                    url: %s
                    user: "@bot"
                    options:
                      guarantee: %s
                """.formatted(url, guarantee);
    }

    @Test
    void connectorJarInPlugins_itsConnectionStartsAndTheBotsAnswerOverIt_neverAcknowledgedWithoutAcks(Vertx vertx, @TempDir Path home)
            throws Exception {
        TestPlugins.jar(home.resolve("plugins"), "loopback-connector", LoopbackConnectorFactory.class, LoopbackConnector.class);
        TestPlugins.jar(home.resolve("plugins"), "echo", EchoBot.class);
        String url = "loopback://" + UUID.randomUUID();
        BlockingQueue<DeliveryOutcome> outcomes = new LinkedBlockingQueue<>();
        vertx.eventBus().<DeliveryOutcome>consumer(Addresses.DELIVERY_STATUS, m -> {
            if (m.body().status().isFinal()) {
                outcomes.add(m.body());
            }
        });
        LoopbackNetwork network = LoopbackNetwork.at(url);

        try (DaemonFixture f = DaemonFixture.startWithYaml(vertx, home, loopbackConnection(url, "NONE"))) {
            network.deliver(new InboundMessage("m-1", "@alice", "@bot", "hi", 0), Timeouts.seconds(10));

            OutboundMessage reply = network.sent.poll(Timeouts.seconds(10), TimeUnit.SECONDS);
            assertThat(reply).isNotNull();
            assertThat(reply.to()).isEqualTo("@alice");
            assertThat(reply.body()).isEqualTo("echo: hi");
            assertThat(network.confirmed.poll(Timeouts.seconds(10), TimeUnit.SECONDS)).isEqualTo("@alice/m-1");
            DeliveryOutcome outcome = outcomes.poll(Timeouts.seconds(10), TimeUnit.SECONDS);
            assertThat(outcome).isNotNull();
            assertThat(outcome.status()).as("a network without ACKs never makes a message ACKNOWLEDGED").isEqualTo(DeliveryStatus.SENT);
            assertThat(outcome.connection()).isEqualTo("lab");
            assertThat(f.daemon.counters().acknowledged()).isZero();
            assertThat(f.daemon.counters().sent()).isEqualTo(1);
            // The stored status follows the event in the next group commit.
            await(Await.untilAsync(vertx, 10, () -> f.daemon.history().latest("lab", "@alice", 10)
                    .map(rows -> rows.stream().anyMatch(r -> r.status() == DeliveryStatus.SENT))));
            List<MessageRecord> history = await(f.daemon.history().latest("lab", "@alice", 10));
            assertThat(history).extracting(MessageRecord::body, MessageRecord::status).containsExactly(
                    tuple("hi", DeliveryStatus.RECEIVED),
                    tuple("echo: hi", DeliveryStatus.SENT));
            assertThat(history.get(0).toChatMessage().connection()).isEqualTo("lab");
        }
    }

    @Test
    void connectorWithARoomNickname_roomMessagesAddressedToItMentionTheBot(Vertx vertx, @TempDir Path home) throws Exception {
        TestPlugins.jar(home.resolve("plugins"), "loopback-connector", LoopbackConnectorFactory.class, LoopbackConnector.class);
        TestPlugins.jar(home.resolve("plugins"), "mention", MentionBot.class);
        String url = "loopback://" + UUID.randomUUID();
        LoopbackNetwork network = LoopbackNetwork.at(url);
        String yaml = loopbackConnection(url, "NONE") + "      nickname: robo\n";

        try (DaemonFixture f = DaemonFixture.startWithYaml(vertx, home, yaml)) {
            List<String> texts = List.of("robo: ping", "@robo, ping", "hi @robo", "@@bot ping", "robot: ping", "robo ping");
            for (int i = 0; i < texts.size(); i++) {
                network.deliver(new InboundMessage("m-" + i, "@alice", "#lobby", texts.get(i), 0), Timeouts.seconds(10));
                OutboundMessage reply = network.sent.poll(Timeouts.seconds(10), TimeUnit.SECONDS);
                assertThat(reply).as("a reply to '%s'", texts.get(i)).isNotNull();
                assertThat(reply.to()).isEqualTo("#lobby");
                assertThat(reply.body()).as(texts.get(i)).isEqualTo(switch (i) {
                    case 0, 1 -> "mentioned [ping]";
                    case 2 -> "mentioned [-]";
                    case 3 -> "mentioned [ping]";
                    default -> "not mentioned [-]";
                });
            }
        }
    }

    @Test
    void recipientTheNetworkRefuses_refusedByTheConnectorsOwnRule(Vertx vertx, @TempDir Path home) throws Exception {
        TestPlugins.jar(home.resolve("plugins"), "loopback-connector", LoopbackConnectorFactory.class, LoopbackConnector.class);
        String url = "loopback://" + UUID.randomUUID();

        try (DaemonFixture f = DaemonFixture.startWithYaml(vertx, home, loopbackConnection(url, "PER_MESSAGE_ACK"))) {
            DeliveryOutcome refused = await(vertx.eventBus().<DeliveryOutcome>request(Addresses.SEND,
                    io.imbot.core.delivery.SendRequest.fresh("alice", "hello"))).body();
            DeliveryOutcome accepted = await(vertx.eventBus().<DeliveryOutcome>request(Addresses.sendOn("lab"),
                    io.imbot.core.delivery.SendRequest.fresh("@alice", "hello"))).body();

            assertThat(refused.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(refused.detail()).contains("loopback addresses start with @ or #");
            assertThat(accepted.status()).isEqualTo(DeliveryStatus.ACKNOWLEDGED);
        }
    }

    @Test
    void kindWithoutItsPlugin_startFailsNamingTheConnectionAndTheInstalledKinds(Vertx vertx, @TempDir Path home) {
        assertThatThrownBy(() -> DaemonFixture.startWithYaml(vertx, home, loopbackConnection("loopback://x", "NONE")))
                .hasRootCauseInstanceOf(ConfigException.class)
                .rootCause()
                .hasMessageContaining("connection 'lab': no connector of kind 'loopback' is installed")
                .hasMessageContaining("imbot");
    }

    @Test
    void badUrlForTheImbotKind_startFailsNamingTheSetting(Vertx vertx, @TempDir Path home) {
        String yaml = """
                server:
                  embedded: false
                connections:
                  - name: work
                    url: http://127.0.0.1:1
                    user: bot
                """;
        assertThatThrownBy(() -> DaemonFixture.startWithYaml(vertx, home, yaml))
                .rootCause()
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("connections.work.url")
                .hasMessageContaining("tcp://");
    }
}
