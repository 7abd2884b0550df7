package io.imbot.plugins.imbotconnector;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;

/** Opens links to the server as {@link ImbotOptions#transport()} says: TCP or WebSocket, plain or TLS. */
final class Dialer {

    private final ImbotOptions options;
    private final NetClient tcp;
    private final WebSocketClient webSocket;

    Dialer(Vertx vertx, ImbotOptions options) {
        this.options = options;
        ImbotOptions.Transport t = options.transport();
        int connectMs = (int) options.connectTimeout().toMillis();
        if (t.webSocket()) {
            WebSocketClientOptions ws = new WebSocketClientOptions()
                    .setConnectTimeout(connectMs)
                    .setTcpNoDelay(true)
                    .setMaxMessageSize(options.maxFrameBytes())
                    .setClosingTimeout(1) // seconds; a dead peer must not hold a closed link open for the default 10
                    .setMaxFrameSize(Math.min(options.maxFrameBytes(), 65536))
                    .setSsl(t.tls())
                    .setVerifyHost(t.verifyHost());
            if (!t.caFile().isEmpty()) {
                ws.setTrustOptions(new PemTrustOptions().addCertPath(t.caFile()));
            }
            this.webSocket = vertx.createWebSocketClient(ws);
            this.tcp = null;
        } else {
            NetClientOptions net = new NetClientOptions().setConnectTimeout(connectMs).setTcpNoDelay(true).setSsl(t.tls());
            if (t.tls()) {
                net.setHostnameVerificationAlgorithm(t.verifyHost() ? "HTTPS" : ""); // Vert.x wants it said either way
            }
            if (!t.caFile().isEmpty()) {
                net.setTrustOptions(new PemTrustOptions().addCertPath(t.caFile()));
            }
            this.tcp = vertx.createNetClient(net);
            this.webSocket = null;
        }
    }

    /** Opens one link; fails with a cause that {@link TlsProblems#explain} can word. */
    Future<ClientLink> dial() {
        if (webSocket == null) {
            return tcp.connect(options.port(), options.host()).map(s -> new TcpClientLink(s, options.maxFrameBytes()));
        }
        WebSocketConnectOptions connect = new WebSocketConnectOptions()
                .setHost(options.host())
                .setPort(options.port())
                .setURI(options.transport().path())
                .setSsl(options.transport().tls());
        return webSocket.connect(connect).map(WebSocketClientLink::new);
    }

    Future<Void> close() {
        return webSocket != null ? webSocket.close() : tcp.close();
    }
}
