package io.imbot.plugins.mqttconnector;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.connector.ConnectionSettings;
import io.imbot.api.connector.DeliveryGuarantee;
import io.imbot.api.connector.InboundMessage;
import io.imbot.api.connector.OutboundMessage;
import io.imbot.testsupport.Heard;
import io.imbot.testsupport.Mosquitto;
import io.imbot.testsupport.Timeouts;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MQTT connector against a real mosquitto on loopback: two connectors talk through it. */
class MqttConnectorTest {

    private static final long WAIT = Timeouts.seconds(20);

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private Mosquitto broker;

    @BeforeEach
    void startBroker() {
        broker = Mosquitto.start(dir.resolve("broker"), Duration.ofSeconds(WAIT));
    }

    @AfterEach
    void stopAll() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
        broker.close();
    }

    /** A connector with its own context, started; {@link #ready} waits for it. */
    private final class Peer {
        final MqttConnector connector;
        final Heard heard = new Heard();
        final Context context = vertx.getOrCreateContext();

        Peer(String user, List<String> rooms) {
            ConnectionSettings s = new ConnectionSettings("test", "mqtt", "mqtt://127.0.0.1:" + broker.port(), user, "", rooms,
                    Duration.ofMillis(50), Duration.ofMillis(500), Map.of());
            connector = new MqttConnector(vertx, MqttSettings.from(s, Path::of));
            context.runOnContext(v -> connector.start(heard));
        }

        Peer ready() throws InterruptedException {
            String event = heard.nextEvent(WAIT);
            assertThat(event).isEqualTo("ready");
            return this;
        }

        void send(String id, String to, String body) {
            context.runOnContext(v -> connector.send(new OutboundMessage(id, to, body, 1_700_000_000_000L)));
        }

        void acknowledge(InboundMessage m) {
            context.runOnContext(v -> connector.acknowledge(m.from(), m.id()));
        }

        void stop() throws Exception {
            CompletableFuture<Void> done = new CompletableFuture<>();
            context.runOnContext(v -> connector.stop().whenComplete((ok, e) -> done.complete(null)));
            done.get(WAIT, TimeUnit.SECONDS);
        }
    }

    @Test
    void send_toAUser_theBrokersPubackIsTheAckAndTheUserGetsTheMessage() throws Exception {
        Peer alice = new Peer("alice", List.of()).ready();
        Peer bot = new Peer("bot", List.of()).ready();

        bot.send("m-1", "alice", "hi alice");

        assertThat(bot.connector.guarantee()).isEqualTo(DeliveryGuarantee.BROKER_ACK);
        assertThat(bot.heard.nextAck(WAIT)).isEqualTo("m-1");
        assertThat(alice.heard.nextMessage(WAIT)).isEqualTo(new InboundMessage("m-1", "bot", "alice", "hi alice", 1_700_000_000_000L));
    }

    @Test
    void send_toARoom_membersGetItAndTheSenderDoesNotHearItself() throws Exception {
        Peer alice = new Peer("alice", List.of("#ops")).ready();
        Peer bot = new Peer("bot", List.of("#ops")).ready();

        bot.send("m-1", "#ops", "deploy done");
        alice.send("m-2", "#ops", "thanks");

        assertThat(alice.heard.nextMessage(WAIT)).isEqualTo(new InboundMessage("m-1", "bot", "#ops", "deploy done", 1_700_000_000_000L));
        assertThat(bot.heard.nextMessage(WAIT).id()).as("its own m-1 is not shown to it").isEqualTo("m-2");
    }

    @Test
    void offlineUser_messagesWaitAtTheBrokerUntilItComesBack() throws Exception {
        Peer alice = new Peer("alice", List.of()).ready();
        alice.stop(); // the broker keeps alice's session: clean session is off
        Peer bot = new Peer("bot", List.of()).ready();

        for (int i = 1; i <= 3; i++) {
            bot.send("m-" + i, "alice", "while you were away " + i);
            assertThat(bot.heard.nextAck(WAIT)).isEqualTo("m-" + i);
        }
        Peer aliceAgain = new Peer("alice", List.of()).ready();

        for (int i = 1; i <= 3; i++) {
            assertThat(aliceAgain.heard.nextMessage(WAIT).id()).isEqualTo("m-" + i);
        }
    }

    @Test
    void inbound_notAcknowledged_comesAgainOnTheNextSession_acknowledged_doesNot() throws Exception {
        Peer bot = new Peer("bot", List.of()).ready();
        Peer alice = new Peer("alice", List.of()).ready();
        alice.send("a-1", "bot", "first");
        InboundMessage first = bot.heard.nextMessage(WAIT);
        bot.stop(); // never stored, so never acknowledged

        Peer botAgain = new Peer("bot", List.of()).ready();
        InboundMessage again = botAgain.heard.nextMessage(WAIT);
        assertThat(again).isEqualTo(first);
        botAgain.acknowledge(again);
        alice.send("a-2", "bot", "second");
        assertThat(botAgain.heard.nextMessage(WAIT).id()).isEqualTo("a-2");
        botAgain.stop();

        Peer botThird = new Peer("bot", List.of()).ready();
        assertThat(botThird.heard.nextMessage(WAIT).id()).as("a-1 was acknowledged; a-2 was not").isEqualTo("a-2");
    }

    @Test
    void brokerRestarts_connectorSaysLostThenReadyAgain() throws Exception {
        Peer bot = new Peer("bot", List.of()).ready();

        broker.restart(Duration.ofSeconds(WAIT));

        assertThat(bot.heard.nextEvent(WAIT)).startsWith("lost: ");
        String next = bot.heard.nextEvent(WAIT);
        while (next.startsWith("failed: ")) {
            next = bot.heard.nextEvent(WAIT);
        }
        assertThat(next).isEqualTo("ready");
    }

    @Test
    void badPublishes_droppedAndAcknowledged_aGoodOneAfterThemArrives_andNoneComesBack() throws Exception {
        Peer bot = new Peer("bot", List.of()).ready();
        MqttClient raw = MqttClient.create(vertx, new MqttClientOptions().setClientId("raw").setMaxMessageSize(4 << 20));
        get(raw.connect(broker.port(), "127.0.0.1"));
        String topic = "imbot/users/bot";
        List<String> bad = List.of("not json", "[1,2]", "{\"id\":\"x\"}", "{\"id\":\"x\",\"from\":\"a/b\",\"body\":\"hi\"}",
                "{\"id\":\"x\",\"from\":\"eve\",\"body\":\"hi\",\"ts\":\"noon\"}", "{\"id\":\"\",\"from\":\"eve\",\"body\":\"hi\"}");
        for (String payload : bad) {
            get(raw.publish(topic, Buffer.buffer(payload), MqttQoS.AT_LEAST_ONCE, false, false));
        }
        // Over the connector's 1 MiB limit: the client refuses it; it must not close the bot's session for ever.
        get(raw.publish(topic, Buffer.buffer("x".repeat(2 << 20)), MqttQoS.AT_LEAST_ONCE, false, false));
        get(raw.publish(topic, new Payload("good-1", "eve", "after the bad ones", 5L).encode(), MqttQoS.AT_LEAST_ONCE, false, false));

        InboundMessage good = bot.heard.nextMessage(WAIT);
        assertThat(good.id()).isEqualTo("good-1");
        bot.acknowledge(good);
        bot.stop();
        Peer again = new Peer("bot", List.of()).ready();
        get(raw.publish(topic, new Payload("good-2", "eve", "next session", 6L).encode(), MqttQoS.AT_LEAST_ONCE, false, false));
        assertThat(again.heard.nextMessage(WAIT).id()).as("the bad ones were acknowledged, not kept for the next session").isEqualTo("good-2");
    }

    private static <T> T get(io.vertx.core.Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
    }
}
