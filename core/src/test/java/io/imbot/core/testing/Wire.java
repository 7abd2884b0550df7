package io.imbot.core.testing;

import io.imbot.plugins.imbotconnector.ImbotOptions;
import io.imbot.server.ImServer;
import io.imbot.server.ServerOptions;
import io.imbot.testsupport.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The four ways the native protocol travels, for tests that must hold on each: TCP, TLS, WebSocket, WebSocket over TLS. */
public enum Wire {
    TCP(false, false),
    TLS(false, true),
    WS(true, false),
    WSS(true, true);

    private final boolean webSocket;
    private final boolean tls;

    Wire(boolean webSocket, boolean tls) {
        this.webSocket = webSocket;
        this.tls = tls;
    }

    /** Certificates made once per test JVM: a CA, and a server certificate it signed for localhost and 127.0.0.1. */
    public static TestCertificates.PemFiles certificates() {
        return Certificates.FILES;
    }

    /** {@code server} listening the way this wire needs (a WebSocket port, TLS). */
    public ServerOptions serve(ServerOptions server) {
        ServerOptions out = webSocket ? server.withWebSocketPort(0) : server;
        return tls ? out.withTls(certificates().serverCert().toString(), certificates().serverKey().toString()) : out;
    }

    /** {@code client} reaching {@code server} this way, trusting the test CA. */
    public ImbotOptions reach(ImServer server, ImbotOptions client) {
        String ca = tls ? certificates().caCert().toString() : "";
        ImbotOptions.Transport t = new ImbotOptions.Transport(webSocket, tls, webSocket ? "/imbot" : "", ca, true);
        return new ImbotOptions(client.host(), webSocket ? server.webSocketPort() : server.port(), client.user(), client.token(),
                client.rooms(), client.maxFrameBytes(), client.connectTimeout(), client.heartbeat(), client.heartbeatTimeout(),
                client.initialDelay(), client.maxDelay(), client.resetAfter(), t);
    }

    private static final class Certificates {
        static final TestCertificates.PemFiles FILES = make();

        private static TestCertificates.PemFiles make() {
            try {
                return TestCertificates.generate(Files.createTempDirectory("imbot-test-certs"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
