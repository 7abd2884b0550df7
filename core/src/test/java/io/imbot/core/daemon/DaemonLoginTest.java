package io.imbot.core.daemon;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imbot.core.config.ConfigException;
import io.imbot.core.config.ConfigLoader;
import io.imbot.core.config.ImbotConfig;
import io.imbot.core.testing.Await;
import io.imbot.core.testing.DaemonFixture;
import io.imbot.core.testing.RawClient;
import io.imbot.protocol.Frame;
import io.imbot.server.TokenHash;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who can log in to the daemon's embedded server (issue 9, finding 1: a client logging in as the
 * bot used to replace the daemon and receive its messages).
 */
@ExtendWith(VertxExtension.class)
class DaemonLoginTest {

    @TempDir
    Path home;

    private static Frame.Error refusal(RawClient.Answered answered) {
        assertThat(answered.answer()).isInstanceOf(Frame.Error.class);
        return (Frame.Error) answered.answer();
    }

    @Test
    void embeddedServer_noBotTokenAndOpenLogin_intruderAsBotRefusedAndDaemonKeepsItsMessages(Vertx vertx) throws Exception {
        try (DaemonFixture f = DaemonFixture.start(vertx, home)) {
            int port = f.daemon.serverPort();
            await(Await.until(vertx, 10, () -> f.daemon.counters().connected()));

            RawClient.Answered empty = await(RawClient.tryLogin(vertx, port, "bot", ""));
            RawClient.Answered guess = await(RawClient.tryLogin(vertx, port, "bot", "bot"));
            RawClient.Answered alice = await(RawClient.tryLogin(vertx, port, "alice", ""));
            alice.client().send(new Frame.Msg("m-1", "", "bot", "ping", 0L));

            assertThat(refusal(empty).code()).isEqualTo("login_refused");
            assertThat(refusal(guess).code()).isEqualTo("login_refused");
            assertThat(alice.answer()).as("people get in by open login").isEqualTo(new Frame.LoginOk("alice"));
            await(Await.until(vertx, 10, () -> f.daemon.counters().received() == 1));
            assertThat(f.daemon.counters().connected()).as("the daemon was not replaced").isTrue();
        }
    }

    @Test
    void embeddedServer_botTokenConfigured_daemonLogsInWithItAndOthersOnlyWithIt(Vertx vertx) throws Exception {
        try (DaemonFixture f = DaemonFixture.start(vertx, home, "imbot.bot.token", "bots-own-token")) {
            await(Await.until(vertx, 10, () -> f.daemon.counters().connected()));

            RawClient.Answered guess = await(RawClient.tryLogin(vertx, f.daemon.serverPort(), "bot", "guess"));
            assertThat(refusal(guess).code()).isEqualTo("login_refused");
            assertThat(f.daemon.counters().connected()).isTrue();

            RawClient.Answered holder = await(RawClient.tryLogin(vertx, f.daemon.serverPort(), "bot", "bots-own-token"));
            assertThat(holder.answer()).as("the configured token is the bot's, not one made for the run")
                    .isEqualTo(new Frame.LoginOk("bot"));
        }
    }

    @Test
    void embeddedServer_loginNotOpen_personNeedsTheTokenOfItsAccount(Vertx vertx) throws Exception {
        TokenHash hash = TokenHash.of("alices-token", 10);
        try (DaemonFixture f = DaemonFixture.start(vertx, home, "imbot.server.login.open", "false",
                "imbot.server.login.accounts.alice", hash.encoded())) {
            int port = f.daemon.serverPort();

            RawClient.Answered without = await(RawClient.tryLogin(vertx, port, "alice", ""));
            RawClient.Answered stranger = await(RawClient.tryLogin(vertx, port, "mallory", ""));
            RawClient.Answered with = await(RawClient.tryLogin(vertx, port, "alice", "alices-token"));

            assertThat(refusal(without).code()).isEqualTo("login_refused");
            assertThat(refusal(stranger).code()).isEqualTo("login_refused");
            assertThat(with.answer()).isEqualTo(new Frame.LoginOk("alice"));
        }
    }

    @Test
    void embeddedServer_accountsFile_readAtStartAndItsAccountsLogIn(Vertx vertx) throws Exception {
        Files.writeString(home.resolve("accounts.yaml"), "# people\ncarol: " + TokenHash.of("carols-token", 10).encoded() + "\n");
        try (DaemonFixture f = DaemonFixture.start(vertx, home, "imbot.server.login.open", "false",
                "imbot.server.login.accountsFile", "accounts.yaml")) {
            RawClient.Answered carol = await(RawClient.tryLogin(vertx, f.daemon.serverPort(), "carol", "carols-token"));

            assertThat(carol.answer()).isEqualTo(new Frame.LoginOk("carol"));
        }
    }

    @Test
    void start_accountsFileWithPlainToken_failsWithOneLineNamingKeyFileAndUserBeforeStarting(Vertx vertx) throws Exception {
        Path file = home.resolve("accounts.yaml");
        Files.writeString(file, "carol: carols-token\n");
        Properties p = new Properties();
        p.setProperty("imbot.server.port", "0");
        p.setProperty("imbot.admin.enabled", "false");
        p.setProperty("imbot.database.url", "jdbc:hsqldb:mem:never-opened");
        p.setProperty("imbot.server.login.accountsFile", file.toString());
        ImbotConfig config = new ConfigLoader(Map.of(), p).load(home, null);

        assertThatThrownBy(() -> await(Daemon.start(vertx, config)))
                .hasCauseInstanceOf(ConfigException.class)
                .hasMessageContaining("server.login.accountsFile: " + file + ": carol: not a token hash")
                .hasMessageNotContaining("carols-token");
    }
}
