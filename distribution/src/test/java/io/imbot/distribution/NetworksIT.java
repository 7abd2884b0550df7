package io.imbot.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.testsupport.Mosquitto;
import io.imbot.testsupport.Ngircd;
import io.imbot.testsupport.Prosody;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built distribution with the shipped autoreply bot, one daemon on four networks at once: its
 * own reference server, a real mosquitto, Prosody and ngIRCd. The same bot answers {@code ping}
 * with {@code pong} on each, unchanged, through the connector plugins in {@code plugins/}.
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
    private Prosody prosody;
    private Ngircd ngircd;

    @BeforeEach
    void installAndStartServers() throws Exception {
        imbot = Launcher.install(install);
        imbot.env.put("IMBOT_SERVER_PORT", String.valueOf(Launcher.freePort()));
        imbot.env.put("IMBOT_ADMIN_PORT", String.valueOf(Launcher.freePort()));
        Duration wait = Duration.ofSeconds(Launcher.seconds(30));
        mosquitto = Mosquitto.start(servers.resolve("mosquitto"), wait);
        prosody = Prosody.start(servers.resolve("prosody"), wait);
        ngircd = Ngircd.start(servers.resolve("ngircd"), Ngircd.Setup.PLAIN, wait);
    }

    @AfterEach
    void stopServers() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        mosquitto.close();
        prosody.close();
        ngircd.close();
    }

    @Test
    void oneDaemon_nativeMqttXmppAndIrc_theShippedBotAnswersPingOnEach() throws Exception {
        prosody.register("bot", "bot-secret");
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
                  - name: jabber
                    kind: xmpp
                    url: xmpp://127.0.0.1:%d
                    user: bot@localhost
                    token: bot-secret
                    options:
                      caFile: %s
                  - name: irc
                    kind: irc
                    url: irc://127.0.0.1:%d
                    user: bot
                    rooms: ["#lobby"]
                """.formatted(mosquitto.port(), prosody.port(), prosody.caFile(), ngircd.port()));
        try (Launcher.Daemon daemon = imbot.daemon(elsewhere)) {
            daemon.awaitReady();
            Launcher.until(60, "every connection up: " + daemon.output(),
                    () -> imbot.adminRequest("/ready", null, false).status() == 200);

            Launcher.Result nativeSend = imbot.run(elsewhere, "send", "--user", "alice", "--to", "bot", "--text", "ping", "--wait-reply", "10");
            assertThat(nativeSend.out()).as(nativeSend.err()).contains("bot: pong");

            try (People.OnMqtt mia = new People.OnMqtt(vertx, mosquitto.port(), "mia")) {
                mia.say("imbot/users/bot", "m-1", "ping");
                assertThat(mia.next()).containsEntry("from", "bot").containsEntry("body", "pong");
                mia.say("imbot/rooms/lobby", "m-2", "ping");
                assertThat(mia.next()).containsEntry("from", "bot").containsEntry("body", "pong");
            }
            try (People.OnXmpp xena = People.OnXmpp.register(prosody, "xena")) {
                xena.say("bot@localhost", "ping");
                assertThat(xena.next()).isEqualTo("bot@localhost: pong");
            }
            try (People.OnIrc ivan = People.OnIrc.join(ngircd.port(), "ivan", "#lobby")) {
                ivan.say("#lobby", "ping");
                assertThat(ivan.next()).isEqualTo("bot in #lobby: pong");
            }

            Launcher.Result history = imbot.run(elsewhere, "history", "--with", "xena@localhost");
            assertThat(history.out()).as(history.err()).contains("ping").contains("pong");
            assertThat(daemon.terminate()).isIn(0, 143);
        }
    }
}
