package io.imbot.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.testsupport.Mosquitto;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built distribution with the shipped autoreply bot, one daemon on several networks at once:
 * its own reference server and a real mosquitto. The same bot answers {@code ping} with {@code
 * pong} on each, unchanged.
 */
class NetworksIT {

    @TempDir
    Path install;

    @TempDir
    Path elsewhere;

    @TempDir
    Path servers;

    private final Vertx vertx = Vertx.vertx();
    private Launcher imbot;
    private Mosquitto mosquitto;

    @BeforeEach
    void installAndStartServers() throws Exception {
        imbot = Launcher.install(install);
        imbot.env.put("IMBOT_SERVER_PORT", String.valueOf(Launcher.freePort()));
        imbot.env.put("IMBOT_ADMIN_PORT", String.valueOf(Launcher.freePort()));
        mosquitto = Mosquitto.start(servers.resolve("mosquitto"), Duration.ofSeconds(Launcher.seconds(20)));
    }

    @AfterEach
    void stopServers() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        mosquitto.close();
    }

    @Test
    void oneDaemon_nativeAndMqtt_theShippedBotAnswersPingOnEach() throws Exception {
        Files.writeString(install.resolve("conf/imbot.yaml"), Files.readString(install.resolve("conf/imbot.yaml")) + """

                connections:
                  - name: local
                    url: embedded
                    user: bot
                  - name: broker
                    kind: mqtt
                    url: mqtt://127.0.0.1:%d
                    user: bot
                    rooms: ["#lobby"]
                """.formatted(mosquitto.port()));
        try (Launcher.Daemon daemon = imbot.daemon(elsewhere)) {
            daemon.awaitReady();

            Launcher.Result nativeSend = imbot.run(elsewhere, "send", "--user", "alice", "--to", "bot", "--text", "ping", "--wait-reply", "10");
            assertThat(nativeSend.out()).as(nativeSend.err()).contains("bot: pong");

            MqttPerson mia = new MqttPerson("mia");
            mia.say("imbot/users/bot", "m-1", "ping");
            assertThat(mia.next()).containsEntry("from", "bot").containsEntry("body", "pong");
            mia.say("imbot/rooms/lobby", "m-2", "ping");
            assertThat(mia.next()).containsEntry("from", "bot").containsEntry("body", "pong");

            Launcher.Result history = imbot.run(elsewhere, "history", "--with", "mia");
            assertThat(history.out()).as(history.err()).contains("ping").contains("pong");
            assertThat(daemon.terminate()).isIn(0, 143);
        }
    }

    /** A person on the broker: publishes imbot's JSON payload and hears their own topic and #lobby. */
    private final class MqttPerson {
        private final String name;
        private final MqttClient client;
        private final BlockingQueue<JsonObject> heard = new LinkedBlockingQueue<>();

        MqttPerson(String name) throws Exception {
            this.name = name;
            client = MqttClient.create(vertx, new MqttClientOptions().setClientId("person-" + name));
            client.publishHandler(m -> {
                JsonObject payload = m.payload().toJsonObject();
                if (!payload.getString("from").equals(name)) {
                    heard.add(payload);
                }
            });
            client.connect(mosquitto.port(), "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            client.subscribe(Map.of("imbot/users/" + name, 1, "imbot/rooms/lobby", 1)).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        }

        void say(String topic, String id, String body) throws Exception {
            JsonObject payload = new JsonObject().put("id", id).put("from", name).put("body", body).put("ts", System.currentTimeMillis());
            client.publish(topic, Buffer.buffer(payload.encode()), MqttQoS.AT_LEAST_ONCE, false, false).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        }

        Map<String, Object> next() throws InterruptedException {
            JsonObject m = heard.poll(Launcher.seconds(30), TimeUnit.SECONDS);
            if (m == null) {
                throw new AssertionError(name + " heard nothing within " + Launcher.seconds(30) + " s");
            }
            return m.getMap();
        }
    }
}
