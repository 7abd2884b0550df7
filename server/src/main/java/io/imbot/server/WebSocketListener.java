package io.imbot.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket port: an HTTP/1.1 server that upgrades requests for {@link ImServer#WEB_SOCKET_PATH}
 * and hands each WebSocket to a {@link ClientSession} over a {@link WebSocketLink}. Other paths get
 * 404, a request for the path that is not an upgrade gets 426; either way the connection closes.
 *
 * <p>An HTTP connection counts against {@link ServerOptions#maxConnections()} from the moment Vert.x
 * hands it over (after its TLS handshake, if any) until it is closed, first as a {@link
 * Hub#reserve() reservation} and after the upgrade as a session; beyond the cap it is closed at
 * once. It must upgrade within {@link ServerOptions#loginTimeout()}, and the login deadline of its
 * session still counts from its arrival. Confined to the server's event loop.
 */
final class WebSocketListener {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketListener.class);

    private final Vertx vertx;
    private final Hub hub;
    private final ServerOptions options;
    /** HTTP connections not upgraded yet, each with its arrival time; each holds a reservation in the hub. */
    private final Map<HttpConnection, Waiting> waiting = new IdentityHashMap<>();
    private HttpServer server;

    private record Waiting(long arrivedAt, long timer) {}

    WebSocketListener(Vertx vertx, Hub hub) {
        this.vertx = vertx;
        this.hub = hub;
        this.options = hub.options();
    }

    /** Binds {@code options.host():options.webSocketPort()}; the future holds the port bound. */
    Future<Integer> listen() {
        server = vertx.createHttpServer(httpOptions())
                .connectionHandler(this::connected)
                .requestHandler(this::request)
                .exceptionHandler(e -> LOG.debug("WebSocket port: {}", e.toString()));
        return server.listen().map(HttpServer::actualPort);
    }

    private HttpServerOptions httpOptions() {
        HttpServerOptions http = new HttpServerOptions()
                .setHost(options.host())
                .setPort(options.webSocketPort())
                .setHttp2ClearTextEnabled(false) // HTTP/1.1 only; and Vert.x then hands a connection over as it arrives
                .setMaxWebSocketFrameSize(ServerOptions.WEB_SOCKET_MAX_FRAME_BYTES)
                // never used: WebSocketLink puts messages together itself, to apply the protocol's limits
                .setMaxWebSocketMessageSize(options.maxFrameBytes())
                .setPerFrameWebSocketCompressionSupported(false) // a small compressed frame could inflate to a large one
                .setPerMessageWebSocketCompressionSupported(false)
                .setWebSocketClosingTimeout(0); // after its close frame the server closes the TCP connection at once
        TlsSetup.apply(http, options);
        return http;
    }

    /** Closes the listening socket; the connections are closed by their sessions or by Vert.x. */
    Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    /** Closes every connection that has not upgraded yet (sessions are the hub's). */
    void disconnectWaiting() {
        new ArrayList<>(waiting.keySet()).forEach(HttpConnection::close);
    }

    private void connected(HttpConnection connection) {
        String peer = String.valueOf(connection.remoteAddress());
        if (!hub.roomForConnection()) {
            hub.refusedConnection(peer);
            connection.close();
            return;
        }
        hub.reserve();
        long timer = vertx.setTimer(options.loginTimeout().toMillis(), id -> notUpgradedInTime(connection, peer));
        waiting.put(connection, new Waiting(System.nanoTime(), timer));
        connection.closeHandler(v -> release(connection));
        LOG.debug("HTTP connection from {}", peer);
    }

    private void notUpgradedInTime(HttpConnection connection, String peer) {
        if (waiting.containsKey(connection)) {
            hub.timedOut();
            LOG.debug("HTTP connection {} did not upgrade to a WebSocket within {} ms; closing", peer,
                    options.loginTimeout().toMillis());
            connection.close();
        }
    }

    /** Ends the connection's wait, if it was still waiting; returns its arrival time, or -1. */
    private long release(HttpConnection connection) {
        Waiting w = waiting.remove(connection);
        if (w == null) {
            return -1;
        }
        vertx.cancelTimer(w.timer());
        hub.release();
        return w.arrivedAt();
    }

    private void request(HttpServerRequest request) {
        if (!ImServer.WEB_SOCKET_PATH.equals(request.path())) {
            refuse(request, 404);
        } else if (!request.canUpgradeToWebSocket()) {
            request.response().putHeader("Upgrade", "websocket");
            refuse(request, 426);
        } else if (!waiting.containsKey(request.connection())) {
            refuse(request, 400); // a second upgrade on one connection, or one that is already closing
        } else {
            HttpConnection connection = request.connection();
            request.toWebSocket().onComplete(ar -> {
                if (ar.succeeded()) {
                    upgraded(connection, ar.result());
                } else {
                    LOG.debug("WebSocket handshake with {} failed: {}", connection.remoteAddress(), ar.cause().toString());
                }
            });
        }
    }

    private static void refuse(HttpServerRequest request, int status) {
        LOG.debug("HTTP {} {} from {}: {}", request.method(), request.path(), request.remoteAddress(), status);
        request.response().setStatusCode(status).putHeader("Connection", "close").end();
    }

    private void upgraded(HttpConnection connection, ServerWebSocket socket) {
        long arrivedAt = release(connection);
        if (arrivedAt < 0 || socket.isClosed()) {
            socket.close(WebSocketLink.CLOSE_DROPPED); // its HTTP connection timed out or closed meanwhile
            return;
        }
        ClientSession session = new ClientSession(vertx, new WebSocketLink(socket), hub);
        hub.opened(session); // release and opened in one turn of the event loop: the place passes to the session
        session.start(arrivedAt);
        LOG.debug("WebSocket from {}", session.peer());
    }
}
