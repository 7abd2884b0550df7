package io.imbot.server;

import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.concurrent.TimeUnit;

/**
 * Applies {@link ServerOptions}' TLS settings to both listeners. Vert.x hands a TLS connection to
 * the server only once its handshake is done, so the handshake is bounded here, by {@link
 * ServerOptions#loginTimeout()}, and not by the connection cap.
 */
final class TlsSetup {

    private TlsSetup() {}

    /** Turns TLS on in {@code server} with the PEM files of {@code options}, if they name any. */
    static void apply(NetServerOptions server, ServerOptions options) {
        if (!options.tls()) {
            return;
        }
        server.setSsl(true)
                .setKeyCertOptions(new PemKeyCertOptions().setCertPath(options.tlsCertPath()).setKeyPath(options.tlsKeyPath()))
                .setSslHandshakeTimeout(options.loginTimeout().toMillis())
                .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS);
    }
}
