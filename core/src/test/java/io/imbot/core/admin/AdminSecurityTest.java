package io.imbot.core.admin;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.core.plugin.PluginInfo;
import io.imbot.core.plugin.testbots.EchoBot;
import io.imbot.core.testing.AdminFixture;
import io.imbot.core.testing.DaemonFixture;
import io.imbot.core.testing.TestPlugins;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who the admin API obeys: a real daemon with a plugin, asked over real sockets the way a local
 * user, a script and a web page in a local browser (cross-site, or through DNS rebinding) would.
 */
@ExtendWith(VertxExtension.class)
class AdminSecurityTest {

    @TempDir
    Path home;

    private DaemonFixture daemon;
    private AdminFixture admin;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        TestPlugins.jar(home.resolve("plugins"), "echo", EchoBot.class);
        daemon = DaemonFixture.start(vertx, home);
        admin = AdminFixture.of(vertx, daemon);
    }

    @AfterEach
    void stop() {
        admin.close();
        daemon.close();
    }

    private String echoState() {
        return await(daemon.daemon.plugins().plugins()).stream().filter(p -> p.id().equals("echo")).map(PluginInfo::state)
                .findFirst().orElseThrow();
    }

    private String host() {
        return "Host: 127.0.0.1:" + admin.port + "\r\n";
    }

    @Test
    void disable_noToken_401JsonErrorAndPluginStillStarted() throws Exception {
        AdminFixture.Answer none = admin.send(AdminFixture.post("/api/plugins/echo/disable", host()
                + "Content-Type: application/json\r\n", "{}"));
        AdminFixture.Answer wrong = admin.send(AdminFixture.post("/api/plugins/echo/disable", host()
                + "Authorization: Bearer " + admin.token().substring(1) + "x\r\nContent-Type: application/json\r\n", "{}"));
        AdminFixture.Answer basic = admin.send(AdminFixture.post("/api/plugins/echo/disable", host()
                + "Authorization: Basic " + admin.token() + "\r\nContent-Type: application/json\r\n", "{}"));

        for (AdminFixture.Answer a : new AdminFixture.Answer[] {none, wrong, basic}) {
            assertThat(a.status()).as(a.raw()).isEqualTo(401);
            assertThat(a.body().getString("error")).contains("admin token");
            assertThat(a.raw()).containsIgnoringCase("www-authenticate: Bearer");
        }
        assertThat(echoState()).isEqualTo("STARTED");
        assertThat(admin.postJson("/api/plugins/echo/disable", "{}").body().getString("result")).contains("disabled echo");
        assertThat(echoState()).isEqualTo("DISABLED");
    }

    @Test
    void readOnlyGets_noToken_401WithoutData() throws Exception {
        for (String path : new String[] {"/api/history", "/api/conversations", "/api/plugins", "/api/status", "/api/nope"}) {
            AdminFixture.Answer a = admin.send("GET " + path + " HTTP/1.1\r\n" + host() + "\r\n");

            assertThat(a.status()).as(path).isEqualTo(401);
            assertThat(a.body().fieldNames()).containsExactly("error");
        }
        assertThat(admin.get("/api/history").status()).isEqualTo(200);
    }

    @Test
    void request_foreignHostHeader_421EvenWithTheToken() throws Exception {
        String token = "Authorization: Bearer " + admin.token() + "\r\n";
        String[] foreign = {"evil.example:" + admin.port, "evil.example", "127.0.0.1", "127.0.0.1:" + (admin.port + 1),
            "127.0.0.1.evil.example:" + admin.port, "[::2]:" + admin.port};

        for (String host : foreign) {
            AdminFixture.Answer history = admin.send("GET /api/history HTTP/1.1\r\nHost: " + host + "\r\n" + token + "\r\n");
            assertThat(history.status()).as(host).isEqualTo(421);
            assertThat(history.body().getString("error")).contains("Host");
        }
        // Vert.x itself refuses a Host that is no host[:port] at all.
        AdminFixture.Answer malformed = admin.send("GET /api/history HTTP/1.1\r\nHost: localhost:" + admin.port
                + "@evil.example\r\n" + token + "\r\n");
        assertThat(malformed.status()).isIn(400, 421);
        AdminFixture.Answer twoHosts = admin.send("GET /api/history HTTP/1.1\r\n" + host() + "Host: evil.example\r\n" + token + "\r\n");
        AdminFixture.Answer disable = admin.send(AdminFixture.post("/api/plugins/echo/disable", "Host: evil.example:" + admin.port
                + "\r\n" + token + "Content-Type: application/json\r\n", "{}"));

        assertThat(twoHosts.status()).isIn(400, 421);
        assertThat(disable.status()).isEqualTo(421);
        assertThat(echoState()).isEqualTo("STARTED");
        for (String alias : new String[] {"127.0.0.1", "localhost", "LocalHost", "[::1]"}) {
            AdminFixture.Answer ok = admin.send("GET /api/status HTTP/1.1\r\nHost: " + alias + ":" + admin.port + "\r\n" + token + "\r\n");
            assertThat(ok.status()).as(alias).isEqualTo(200);
        }
    }

    @Test
    void post_foreignOriginOrPlainText_refusedEvenWithTheToken() throws Exception {
        String token = "Authorization: Bearer " + admin.token() + "\r\n";
        // What any web page can send cross-site without a preflight: text/plain, with its Origin.
        AdminFixture.Answer crossSite = admin.send(AdminFixture.post("/api/plugins/echo/disable", host() + token
                + "Origin: http://evil.example\r\nContent-Type: text/plain\r\n", "{}"));
        AdminFixture.Answer foreignJson = admin.send(AdminFixture.post("/api/plugins/echo/disable", host() + token
                + "Origin: http://evil.example\r\nContent-Type: application/json\r\n", "{}"));
        AdminFixture.Answer nullOrigin = admin.send(AdminFixture.post("/api/plugins/echo/disable", host() + token
                + "Origin: null\r\nContent-Type: application/json\r\n", "{}"));
        AdminFixture.Answer otherPort = admin.send("GET /api/history HTTP/1.1\r\n" + host() + token
                + "Origin: http://127.0.0.1:" + (admin.port + 1) + "\r\n\r\n");

        for (AdminFixture.Answer a : new AdminFixture.Answer[] {crossSite, foreignJson, nullOrigin, otherPort}) {
            assertThat(a.status()).as(a.raw()).isEqualTo(403);
            assertThat(a.body().getString("error")).contains("cross-origin");
        }
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            AdminFixture.Answer a = admin.send(AdminFixture.post("/api/plugins/echo/disable", host() + token
                    + "Content-Type: " + type + "\r\n", "{}"));
            assertThat(a.status()).as(type).isEqualTo(415);
            assertThat(a.body().getString("error")).contains("application/json");
        }
        AdminFixture.Answer noType = admin.send(AdminFixture.post("/api/plugins/echo/disable", host() + token, "{}"));
        assertThat(noType.status()).isEqualTo(415);
        assertThat(echoState()).isEqualTo("STARTED");

        AdminFixture.Answer sameOrigin = admin.send(AdminFixture.post("/api/plugins/echo/disable", host() + token
                + "Origin: http://localhost:" + admin.port + "\r\nContent-Type: application/json; charset=utf-8\r\n", "{}"));
        assertThat(sameOrigin.status()).as(sameOrigin.raw()).isEqualTo(200);
        assertThat(echoState()).isEqualTo("DISABLED");
    }
}
