package io.imbot.plugins.ircconnector;

import io.imbot.testsupport.Ngircd;
import static io.imbot.plugins.ircconnector.Bot.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.connector.ConnectionSettings;
import io.imbot.testsupport.TestCertificates;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logging in to a real ngIRCd that wants a password, and over TLS. */
class IrcLoginTest {

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private final List<Bot> bots = new ArrayList<>();
    private Ngircd server;

    @AfterEach
    void stopAll() throws Exception {
        for (Bot b : bots) {
            b.stop();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
        server.close();
    }

    private Bot bot(String url, String token, Map<String, Object> options) {
        Bot b = new Bot(vertx, new ConnectionSettings("test", "irc", url, "bot", token, List.of("#lobby"), Duration.ofMillis(50),
                Duration.ofMillis(500), options));
        bots.add(b);
        return b;
    }

    @Test
    void password_wrongOrMissing_attemptFailsWithTheServersWords_rightOne_ready() throws Exception {
        server = Ngircd.start(dir.resolve("server"), new Ngircd.Setup("s3cret", null), Duration.ofSeconds(WAIT));
        String url = "irc://127.0.0.1:" + server.port();

        Bot wrong = bot(url, "guess", Map.of());
        Bot none = bot(url, "", Map.of());
        Bot right = bot(url, "s3cret", Map.of());

        String expected = "failed: cannot log in to " + url + " as bot: the server closed the link: Access denied: Bad password?";
        assertThat(wrong.heard.nextEvent(WAIT)).isEqualTo(expected);
        assertThat(none.heard.nextEvent(WAIT)).isEqualTo(expected);
        assertThat(right.heard.nextEvent(WAIT)).isEqualTo("ready");
        assertThat(wrong.heard.nextEvent(WAIT)).as("it keeps trying, with backoff").isEqualTo(expected);
    }

    @Test
    void tls_withTheCaFile_readyAndMessagesFlow_withoutIt_theCertificateIsNotTrusted() throws Exception {
        TestCertificates.PemFiles certs = TestCertificates.generate(dir.resolve("certs"));
        server = Ngircd.start(dir.resolve("server"), new Ngircd.Setup("", certs), Duration.ofSeconds(WAIT));
        String url = "ircs://127.0.0.1:" + server.tlsPort();

        Bot trusting = bot(url, "", Map.of("caFile", certs.caCert().toString()));
        Bot untrusting = bot(url, "", Map.of());

        assertThat(trusting.heard.nextEvent(WAIT)).isEqualTo("ready");
        assertThat(untrusting.heard.nextEvent(WAIT)).isEqualTo("failed: cannot connect to " + url
                + " as bot: the server's certificate is not trusted: no certificate in the JVM's trust store signed it");
        try (Person alice = Person.connect(server.port(), "alice", WAIT)) {
            alice.join("#lobby", WAIT);
            trusting.send("m-1", "#lobby", "over TLS");
            assertThat(alice.nextPrivmsg(WAIT).parsed().last()).isEqualTo("over TLS");
            alice.privmsg("#lobby", "back in plain text");
            assertThat(trusting.heard.nextMessage(WAIT).body()).isEqualTo("back in plain text");
        }
    }
}
