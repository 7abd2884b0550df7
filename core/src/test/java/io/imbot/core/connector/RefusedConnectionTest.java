package io.imbot.core.connector;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.connector.ConnectorListener;
import io.imbot.api.connector.InboundMessage;
import io.imbot.core.testing.Await;
import io.imbot.core.testing.LogCapture;
import io.imbot.core.testing.Wire;
import io.imbot.plugins.imbotconnector.ImbotConnector;
import io.imbot.plugins.imbotconnector.ImbotOptions;
import io.imbot.server.ImServer;
import io.imbot.server.ServerOptions;
import io.imbot.server.TokenHash;
import io.imbot.testsupport.TestCertificates;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees when the server will not have the daemon: an untrusted, mismatched or
 * expired certificate, or a wrong token. Each gives one clear line, and the attempts back off
 * rather than storm the server.
 */
@ExtendWith(VertxExtension.class)
class RefusedConnectionTest {

    private static final Duration INITIAL = Duration.ofMillis(40);
    private static final int ATTEMPTS = 4;

    /** Records when and why each attempt failed. */
    private static final class Attempts implements ConnectorListener {
        final List<Long> at = new CopyOnWriteArrayList<>();
        final List<String> reasons = new CopyOnWriteArrayList<>();

        @Override
        public void onAttemptFailed(String reason) {
            at.add(System.nanoTime());
            reasons.add(reason);
        }

        @Override
        public void onReady() {
            reasons.add("READY");
        }

        @Override
        public void onLost(String reason) {}

        @Override
        public void onWritable() {}

        @Override
        public void onMessage(InboundMessage message) {}

        @Override
        public void onAck(String id) {}

        @Override
        public void onRejected(String id, String reason) {}
    }

    @Test
    void certificateFromAnotherCa_notTrusted(Vertx vertx, @TempDir Path dir) {
        TestCertificates.PemFiles other = TestCertificates.generate(dir.resolve("other"));
        ImServer server = tlsServer(vertx, Wire.certificates());
        assertRefused(vertx, client(server, other.caCert(), "bot", ""), "is not trusted");
    }

    @Test
    void certificateForAnotherName_hostnameMismatch(Vertx vertx, @TempDir Path dir) {
        Instant now = Instant.now();
        TestCertificates.PemFiles elsewhere = TestCertificates.generate(dir, List.of("chat.example.org"), now.minusSeconds(3600),
                now.plusSeconds(86_400));
        ImServer server = tlsServer(vertx, elsewhere);
        assertRefused(vertx, client(server, elsewhere.caCert(), "bot", ""), "is not for 127.0.0.1");
    }

    @Test
    void certificateForAnotherName_verifyHostOff_connects(Vertx vertx, @TempDir Path dir) {
        Instant now = Instant.now();
        TestCertificates.PemFiles elsewhere = TestCertificates.generate(dir, List.of("chat.example.org"), now.minusSeconds(3600),
                now.plusSeconds(86_400));
        ImServer server = tlsServer(vertx, elsewhere);
        ImbotOptions options = client(server, elsewhere.caCert(), "bot", "")
                .withTransport(new ImbotOptions.Transport(false, true, "", elsewhere.caCert().toString(), false));
        Attempts attempts = new Attempts();
        ImbotConnector connector = new ImbotConnector(vertx, options);
        Context context = vertx.getOrCreateContext();
        context.runOnContext(v -> connector.start(attempts));
        await(Await.until(vertx, 30, () -> !attempts.reasons.isEmpty()));
        Promise<Void> stopped = Promise.promise();
        context.runOnContext(v -> connector.stop().whenComplete((ok, e) -> stopped.complete()));
        await(stopped.future());

        assertThat(attempts.reasons).as("the name is not checked; the CA still is").startsWith("READY");
    }

    @Test
    void expiredCertificate_saysExpired(Vertx vertx, @TempDir Path dir) {
        Instant now = Instant.now();
        TestCertificates.PemFiles old = TestCertificates.generate(dir, TestCertificates.DEFAULT_NAMES, now.minusSeconds(3 * 86_400),
                now.minusSeconds(86_400));
        ImServer server = tlsServer(vertx, old);
        assertRefused(vertx, client(server, old.caCert(), "bot", ""), "has expired");
    }

    @Test
    void wrongToken_loginRefused(Vertx vertx) {
        ImServer server = await(ImServer.start(vertx, Wire.TLS.serve(ServerOptions.defaults().withPort(0)
                .withAccounts(Map.of("bot", TokenHash.of("the-right-token"))))));
        assertRefused(vertx, client(server, Wire.certificates().caCert(), "bot", "a-wrong-token"), "login_refused");
    }

    private static ImServer tlsServer(Vertx vertx, TestCertificates.PemFiles certs) {
        return await(ImServer.start(vertx, ServerOptions.defaults().withPort(0).withOpenLogin(true)
                .withTls(certs.serverCert().toString(), certs.serverKey().toString())));
    }

    private static ImbotOptions client(ImServer server, Path ca, String user, String token) {
        return ImbotOptions.defaults("127.0.0.1", server.port(), user).withToken(token)
                .withReconnect(INITIAL, Duration.ofSeconds(5))
                .withTransport(new ImbotOptions.Transport(false, true, "", ca.toString(), true));
    }

    /**
     * Several attempts fail for {@code expected}; each waits at least the floor of its backoff
     * (half the doubling delay) after the one before; the connector says so in one log line.
     */
    private static void assertRefused(Vertx vertx, ImbotOptions options, String expected) {
        Attempts attempts = new Attempts();
        ImbotConnector connector = new ImbotConnector(vertx, options);
        Context context = vertx.getOrCreateContext();
        try (LogCapture log = new LogCapture()) {
            context.runOnContext(v -> connector.start(attempts));
            await(Await.until(vertx, 30, () -> attempts.at.size() >= ATTEMPTS));
            Promise<Void> stopped = Promise.promise();
            context.runOnContext(v -> connector.stop().whenComplete((ok, e) -> stopped.complete()));
            await(stopped.future());

            assertThat(attempts.reasons).doesNotContain("READY");
            assertThat(attempts.reasons.get(0)).contains(expected);
            for (int i = 1; i < ATTEMPTS; i++) {
                long gapMs = (attempts.at.get(i) - attempts.at.get(i - 1)) / 1_000_000;
                long floorMs = (INITIAL.toMillis() << (i - 1)) / 2;
                assertThat(gapMs).as("pause before attempt %d", i + 1).isGreaterThanOrEqualTo(floorMs);
            }
            assertThat(log.lines().stream().filter(l -> l.contains(expected)).toList()).as("said once, not at every attempt").hasSize(1);
        }
    }
}
