package io.imbot.core.admin;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.core.testing.AdminFixture;
import io.imbot.core.testing.Await;
import io.imbot.core.testing.DaemonFixture;
import io.imbot.server.ImServer;
import io.imbot.server.ServerOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code /health} and {@code /ready} on a real daemon: no token, any Host, and readiness that follows the connections. */
@ExtendWith(VertxExtension.class)
class HealthTest {

    @TempDir
    Path home;

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 10.20.30.40\r\n\r\n"; // a probe by IP, without the token
    }

    @Test
    void healthAndReady_noTokenAnyHost_upAndReadyWithEachConnectionNamed(Vertx vertx) throws Exception {
        try (DaemonFixture daemon = DaemonFixture.start(vertx, home); AdminFixture admin = AdminFixture.of(vertx, daemon)) {
            AdminFixture.Answer health = admin.send(get("/health"));
            AdminFixture.Answer ready = admin.send(get("/ready"));
            AdminFixture.Answer status = admin.send(get("/api/status"));

            assertThat(health.status()).as(health.raw()).isEqualTo(200);
            assertThat(health.body()).isEqualTo(new JsonObject().put("status", "up"));
            assertThat(ready.status()).as(ready.raw()).isEqualTo(200);
            assertThat(ready.body().getBoolean("ready")).isTrue();
            assertThat(ready.body().getString("database")).isEqualTo("ok");
            assertThat(ready.body().getJsonArray("connections").getJsonObject(0).getMap())
                    .containsEntry("name", "main").containsEntry("up", true).containsEntry("problem", "");
            assertThat(status.status()).as("everything else still needs the Host and the token").isEqualTo(421);
        }
    }

    @Test
    void ready_serverGone_503NamingTheConnectionAndWhy_thenReadyWhenItIsBack(Vertx vertx) throws Exception {
        ImServer server = await(ImServer.start(vertx, ServerOptions.defaults().withPort(0).withOpenLogin(true)));
        int port = server.port();
        String yaml = """
                server:
                  embedded: false
                connections:
                  - name: north
                    url: tcp://127.0.0.1:%d
                    user: bot
                    reconnect:
                      initialDelay: 50ms
                      maxDelay: 200ms
                """.formatted(port);
        try (DaemonFixture daemon = DaemonFixture.startWithYaml(vertx, home, yaml); AdminFixture admin = AdminFixture.of(vertx, daemon)) {
            await(Await.until(vertx, 10, () -> daemon.daemon.counters().connected()));
            await(server.stop());

            await(Await.untilAsync(vertx, 10, () -> admin.sendAsync(get("/ready")).map(a -> a.status() == 503)));
            JsonObject down = admin.send(get("/ready")).body();
            assertThat(down.getBoolean("ready")).isFalse();
            assertThat(down.getString("database")).as("the database is fine; only the connection is down").isEqualTo("ok");
            JsonObject north = down.getJsonArray("connections").getJsonObject(0);
            assertThat(north.getString("name")).isEqualTo("north");
            assertThat(north.getBoolean("up")).isFalse();
            assertThat(north.getString("problem")).isNotBlank();
            assertThat(admin.send(get("/health")).status()).as("alive all the same").isEqualTo(200);

            await(ImServer.start(vertx, ServerOptions.defaults().withPort(port).withOpenLogin(true)));
            await(Await.untilAsync(vertx, 10, () -> admin.sendAsync(get("/ready")).map(a -> a.status() == 200)));
        }
    }

    @Test
    void ready_databaseShutDownUnderTheDaemon_503SayingSo_healthStillUp(Vertx vertx) throws Exception {
        String url = "jdbc:hsqldb:mem:health-" + java.util.UUID.randomUUID();
        try (DaemonFixture daemon = DaemonFixture.start(vertx, home, "imbot.database.url", url);
                AdminFixture admin = AdminFixture.of(vertx, daemon)) {
            assertThat(admin.send(get("/ready")).status()).isEqualTo(200);

            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "SA", "");
                    java.sql.Statement s = c.createStatement()) {
                s.execute("SHUTDOWN"); // the database goes away under the running daemon
            }

            AdminFixture.Answer ready = admin.send(get("/ready"));
            assertThat(ready.status()).as(ready.raw()).isEqualTo(503);
            assertThat(ready.body().getBoolean("ready")).isFalse();
            assertThat(ready.body().getString("database")).startsWith("not answering: ");
            assertThat(admin.send(get("/health")).status()).as("the process itself is alive").isEqualTo(200);
        }
    }
}
