package io.imbot.server;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the listeners (the {@link NetServer} and, when configured, the {@link WebSocketListener})
 * and the {@link Hub}. Every connection and every call from {@link ImServer} runs on this
 * verticle's event loop, which is what makes the hub's plain collections safe.
 */
final class ServerVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(ServerVerticle.class);

    private final ServerOptions options;
    private Hub hub;
    private NetServer server;
    private WebSocketListener webSockets;
    private volatile int port = -1;
    private volatile int webSocketPort = -1;

    ServerVerticle(ServerOptions options) {
        this.options = options;
    }

    @Override
    public Future<?> start() {
        hub = new Hub(vertx, options);
        server = vertx.createNetServer(netOptions()).connectHandler(this::connected);
        server.exceptionHandler(e -> LOG.debug("server socket: {}", e.toString()));
        return server.listen()
                .compose(s -> {
                    port = s.actualPort();
                    LOG.info("reference server listening on {}:{}{}", options.host(), port, options.tls() ? " (TLS)" : "");
                    return listenWebSockets();
                })
                .onSuccess(v -> logLoginPolicy())
                .recover(e -> server.close().transform(ar -> Future.failedFuture(e))); // a started TCP port is not left behind
    }

    private Future<Void> listenWebSockets() {
        if (options.webSocketPort() < 0) {
            return Future.succeededFuture();
        }
        webSockets = new WebSocketListener(vertx, hub);
        return webSockets.listen().map(bound -> {
            webSocketPort = bound;
            LOG.info("WebSocket port: {}://{}:{}{}", options.tls() ? "wss" : "ws", options.host(), bound, ImServer.WEB_SOCKET_PATH);
            return null;
        });
    }

    private void logLoginPolicy() {
        if (options.openLogin()) {
            LOG.warn("open login is on: any user without an account may log in without a token{}; {} account(s)",
                    options.reservedUsers().isEmpty() ? "" : ", except " + options.reservedUsers(), options.accounts().size());
        } else if (options.accounts().isEmpty()) {
            LOG.warn("no accounts and open login off: nobody can log in");
        } else {
            LOG.info("login: {} account(s), each with its token; open login off", options.accounts().size());
        }
    }

    private NetServerOptions netOptions() {
        // No Vert.x idle timeout: any byte would reset it. ClientSession counts whole frames instead.
        NetServerOptions net = new NetServerOptions().setHost(options.host()).setPort(options.port());
        TlsSetup.apply(net, options);
        return net;
    }

    private void connected(NetSocket socket) {
        if (!hub.roomForConnection()) {
            hub.refusedConnection(String.valueOf(socket.remoteAddress()));
            socket.close();
            return;
        }
        ClientSession session = new ClientSession(vertx, new TcpLink(socket), hub);
        hub.opened(session);
        session.start(System.nanoTime());
        LOG.debug("connection from {}", session.peer());
    }

    @Override
    public Future<?> stop() {
        disconnectAll();
        Future<Void> webSocketsClosed = webSockets == null ? Future.succeededFuture() : webSockets.close();
        return Future.join(server.close(), webSocketsClosed)
                .onComplete(ar -> LOG.info("reference server on port {} stopped", port));
    }

    /** Closes every client connection at once; call on the event loop. */
    void disconnectAll() {
        hub.disconnectAll();
        if (webSockets != null) {
            webSockets.disconnectWaiting();
        }
    }

    /** The bound TCP port; valid once deployment succeeded. */
    int port() {
        return port;
    }

    /** The bound WebSocket port, or -1 when there is none; valid once deployment succeeded. */
    int webSocketPort() {
        return webSocketPort;
    }

    /** Runs {@code action} with the hub on the event loop; its result or exception completes the future. */
    <T> Future<T> withHub(Function<Hub, T> action) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> {
            try {
                promise.complete(action.apply(hub));
            } catch (RuntimeException e) {
                promise.fail(e);
            }
        });
        return promise.future();
    }
}
