package io.imbot.core.cli;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imbot.core.config.ConfigLoader;
import io.imbot.core.config.ImbotConfig;
import io.imbot.core.testing.AdminFixture;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's side of the admin API: where it finds the token, what it says when it cannot. */
@ExtendWith(VertxExtension.class)
class AdminClientTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef-test";

    @TempDir
    Path home;

    /** The configuration a CLI command in {@code home} would load, aimed at {@code port}. */
    private ImbotConfig cli(int port, Map<String, String> env, String... settings) throws Exception {
        Properties p = new Properties();
        p.setProperty("imbot.admin.port", String.valueOf(port));
        for (int i = 0; i < settings.length; i += 2) {
            p.setProperty(settings[i], settings[i + 1]);
        }
        return new ConfigLoader(env, p).load(home, null);
    }

    @Test
    void get_sameHomeAsTheDaemon_readsTheTokenFileAndAnswers(Vertx vertx) throws Exception {
        try (AdminFixture admin = AdminFixture.start(vertx, home, null, null)) {
            AdminClient client = new AdminClient(cli(admin.port, Map.of()));

            assertThat(client.get("/api/status").getString("user")).isEqualTo("bot");
        }
    }

    @Test
    void get_tokenFromImbotAdminToken_answersWithoutAFile(Vertx vertx) throws Exception {
        try (AdminFixture admin = AdminFixture.start(vertx, home, null, null, "imbot.admin.token", TOKEN)) {
            AdminClient client = new AdminClient(cli(admin.port, Map.of("IMBOT_ADMIN_TOKEN", TOKEN)));

            assertThat(client.get("/api/status").getString("user")).isEqualTo("bot");
            assertThat(home.resolve("data/admin.token")).as("a configured token is not written anywhere").doesNotExist();
        }
    }

    @Test
    void get_noTokenFileOrAnotherToken_refusedSayingWhyAndWhatToDo(Vertx vertx) throws Exception {
        try (AdminFixture admin = AdminFixture.start(vertx, home, null, null, "imbot.admin.token", TOKEN)) {
            AdminClient missing = new AdminClient(cli(admin.port, Map.of()));
            AdminClient other = new AdminClient(cli(admin.port, Map.of("IMBOT_ADMIN_TOKEN", TOKEN.replace('0', '1'))));

            assertThatThrownBy(() -> missing.get("/api/status"))
                    .isInstanceOf(AdminClient.AdminException.class)
                    .hasMessageContaining("the daemon refused the request: cannot read the admin token from "
                            + home.resolve("data/admin.token") + " (no such file")
                    .hasMessageContaining("IMBOT_ADMIN_TOKEN")
                    .satisfies(e -> assertThat(((AdminClient.AdminException) e).unreachable).isFalse());
            assertThatThrownBy(() -> other.get("/api/status"))
                    .hasMessageContaining("the daemon refused the request: its token is not the one in admin.token");
        }
    }

    @Test
    void get_overTls_trustsTheConfiguredCertificateOnly(Vertx vertx) throws Exception {
        copy("test-cert.pem");
        copy("test-key.pem");
        String[] tls = {"imbot.admin.tls.cert", "test-cert.pem", "imbot.admin.tls.key", "test-key.pem"};
        try (AdminFixture admin = AdminFixture.start(vertx, home, null, null, tls)) {
            AdminClient client = new AdminClient(cli(admin.port, Map.of(), tls));

            assertThat(client.get("/api/status").getString("user")).isEqualTo("bot");
            assertThat(admin.get("/api/status").status()).as("plain HTTP gets no answer").isZero();
            assertThatThrownBy(() -> new AdminClient(cli(admin.port, Map.of())).get("/api/status"))
                    .isInstanceOf(AdminClient.AdminException.class);
        }
    }

    @Test
    void get_overTlsWhileAHandshakeHangs_answersAndTheHangingConnectionIsClosed(Vertx vertx) throws Exception {
        copy("test-cert.pem");
        copy("test-key.pem");
        String[] tls = {"imbot.admin.tls.cert", "test-cert.pem", "imbot.admin.tls.key", "test-key.pem"};
        try (AdminFixture admin = AdminFixture.start(vertx, home, null, null, "imbot.admin.maxConnections", "1",
                "imbot.admin.requestTimeout", "5s", tls[0], tls[1], tls[2], tls[3])) {
            Promise<Void> hangingClosed = Promise.promise();
            await(admin.connect().onSuccess(s -> s.closeHandler(v -> hangingClosed.complete())));

            // A connection still in its handshake does not count against the cap...
            assertThat(new AdminClient(cli(admin.port, Map.of(), tls)).get("/api/status").getString("user")).isEqualTo("bot");
            // ...and the handshake timeout (admin.requestTimeout) ends it.
            await(hangingClosed.future(), 15);
        }
    }

    private void copy(String name) throws Exception {
        try (InputStream in = AdminClientTest.class.getResourceAsStream("/io/imbot/core/admin/" + name)) {
            Files.copy(in, home.resolve(name));
        }
    }
}
