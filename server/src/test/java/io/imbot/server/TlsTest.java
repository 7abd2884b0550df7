package io.imbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.protocol.Frame;
import io.imbot.testsupport.TestCertificates;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both ports with TLS: clients that trust the server's CA get in; the others fail in the handshake. */
class TlsTest extends ServerTestBase {

    @TempDir
    static Path dir;

    static TestCertificates.PemFiles certs;
    static TestCertificates.PemFiles otherCa;

    private NetClient raw; // Vert.x 5 closes an unreachable client and its sockets: keep it

    @BeforeAll
    static void makeCertificates() {
        certs = TestCertificates.generate(dir.resolve("server"));
        otherCa = TestCertificates.generate(dir.resolve("other"));
    }

    @Override
    ServerOptions options() {
        return super.options().withWebSocketPort(0).withTls(certs.serverCert().toString(), certs.serverKey().toString());
    }

    private static NetClientOptions tcpTrusting(Path ca) {
        return new NetClientOptions().setSsl(true).setHostnameVerificationAlgorithm("HTTPS")
                .setTrustOptions(new PemTrustOptions().addCertPath(ca.toString()));
    }

    private static WebSocketClientOptions wssTrusting(Path ca) {
        return new WebSocketClientOptions().setSsl(true).setVerifyHost(true)
                .setTrustOptions(new PemTrustOptions().addCertPath(ca.toString()));
    }

    /** Expects {@code attempt} to fail in the TLS handshake, with {@code cause} somewhere in the chain when given. */
    private static void expectHandshakeFailure(VertxTestContext ctx, Future<?> attempt, Class<? extends Throwable> cause) {
        attempt.onComplete(ctx.failing(e -> ctx.verify(() -> {
            assertThat(e).isInstanceOf(SSLHandshakeException.class);
            if (cause != null) {
                assertThat(e).hasRootCauseInstanceOf(cause);
            }
            ctx.completeNow();
        })));
    }

    @Test
    void tcp_clientTrustingTheCa_logsInAndIsAcked(VertxTestContext ctx) {
        TestClient.connect(vertx, server.port(), tcpTrusting(certs.caCert()))
                .compose(c -> c.login("alice"))
                .compose(alice -> alice.msg("m-1", "bob", BODY).compose(v -> alice.next()))
                .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
                    assertThat(answer).isEqualTo(new Frame.Ack("m-1"));
                    ctx.completeNow();
                })));
    }

    @Test
    void wss_clientTrustingTheCa_talksWithATlsTcpUser(VertxTestContext ctx) {
        Future<TestClient> tcp = TestClient.connect(vertx, server.port(), tcpTrusting(certs.caCert())).compose(c -> c.login("alice"));
        tcp.compose(alice -> TestClient.connectWebSocket(vertx, server.webSocketPort(), wssTrusting(certs.caCert())))
                .compose(c -> c.login("bob"))
                .compose(bob -> bob.msg("m-1", "alice", BODY).compose(v -> bob.next(Frame.Ack.class)))
                .compose(ack -> tcp.result().next(Frame.Msg.class))
                .onComplete(ctx.succeeding(delivered -> ctx.verify(() -> {
                    assertThat(delivered).isEqualTo(new Frame.Msg("m-1", "bob", "alice", BODY, 0));
                    ctx.completeNow();
                })));
    }

    @Test
    void tcp_clientTrustingAnotherCa_handshakeFails(VertxTestContext ctx) {
        expectHandshakeFailure(ctx, TestClient.connect(vertx, server.port(), tcpTrusting(otherCa.caCert())), null);
    }

    @Test
    void wss_clientTrustingAnotherCa_handshakeFails(VertxTestContext ctx) {
        expectHandshakeFailure(ctx, TestClient.connectWebSocket(vertx, server.webSocketPort(), wssTrusting(otherCa.caCert())), null);
    }

    @Test
    void tcp_selfSignedServerCertificate_handshakeFailsForAClientTrustingTheCa(VertxTestContext ctx) {
        ServerOptions selfSigned = options().withTls(certs.selfSignedCert().toString(), certs.selfSignedKey().toString());
        expectHandshakeFailure(ctx, ImServer.start(vertx, selfSigned)
                .compose(s -> TestClient.connect(vertx, s.port(), tcpTrusting(certs.caCert()))), null);
    }

    @Test
    void tcp_expiredServerCertificate_handshakeFailsAsExpired(VertxTestContext ctx) {
        Instant now = Instant.now();
        TestCertificates.PemFiles expired = TestCertificates.generate(dir.resolve("expired"),
                TestCertificates.DEFAULT_NAMES, now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
        ServerOptions options = options().withTls(expired.serverCert().toString(), expired.serverKey().toString());
        expectHandshakeFailure(ctx, ImServer.start(vertx, options)
                .compose(s -> TestClient.connect(vertx, s.port(), tcpTrusting(expired.caCert()))), CertificateExpiredException.class);
    }

    @Test
    void tcp_certificateForAnotherHost_handshakeFails(VertxTestContext ctx) {
        TestCertificates.PemFiles elsewhere = TestCertificates.generate(dir.resolve("elsewhere"),
                List.of("example.test"), Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(1)));
        ServerOptions options = options().withTls(elsewhere.serverCert().toString(), elsewhere.serverKey().toString());
        expectHandshakeFailure(ctx, ImServer.start(vertx, options)
                .compose(s -> TestClient.connect(vertx, s.port(), tcpTrusting(elsewhere.caCert()))), null);
    }

    @Test
    void handshake_neverStartedOnEitherPort_closedAtTheLoginDeadlineAndNotCounted(VertxTestContext ctx) {
        raw = vertx.createNetClient();
        ImServer.start(vertx, options().withLoginTimeout(Duration.ofMillis(300)))
                .compose(s -> Future.all(silentFor(s.port()), silentFor(s.webSocketPort())).map(s))
                .compose(s -> s.stats())
                .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
                    assertThat(stats.connections()).isZero();
                    assertThat(stats.connectionsTimedOut()).as("closed by Vert.x's handshake timeout, not by a session").isZero();
                    ctx.completeNow();
                })));
    }

    /** Opens a plain TCP connection to {@code port}, sends nothing, and completes when the server has closed it (within 3 s). */
    private Future<Void> silentFor(int port) {
        return raw.connect(port, "127.0.0.1").compose(socket -> {
            Promise<Void> closed = Promise.promise();
            long timer = vertx.setTimer(3000, id -> closed.tryFail(new AssertionError("port " + port + " still open after 3 s")));
            socket.closeHandler(v -> {
                vertx.cancelTimer(timer);
                closed.tryComplete();
            });
            return closed.future();
        });
    }
}
