package io.imbot.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The reference IM server for the native protocol (see {@code docs/PROTOCOL.md}): logins, direct
 * and room messages, deduplication by (sender, id), per-recipient queues redelivered until
 * acknowledged, and switchable faults for testing clients.
 *
 * <pre>{@code
 * ImServer.start(vertx, ServerOptions.defaults().withPort(0))
 *     .onSuccess(server -> System.out.println("listening on " + server.port()));
 * }</pre>
 *
 * <p>Threading: the server deploys one verticle and keeps all its state on that verticle's event
 * loop. Every method may be called from any thread; those returning a future run on the event loop
 * and complete there.
 *
 * <p>Transports: the native TCP port always; a WebSocket port ({@code ws://host:port/imbot}, one
 * frame per text message) when {@link ServerOptions#webSocketPort()} is not {@code -1}; TLS on
 * both ({@code wss://}) when {@link ServerOptions#tls()}. Users, queues, rooms, limits and the
 * connection cap are shared: a TCP user and a WebSocket user talk as if both used one transport.
 *
 * <p>State lives in memory only: queues, rooms and deduplication end with {@link #stop()}.
 */
public final class ImServer {

    /** The path of the WebSocket endpoint; other paths are answered with HTTP 404. */
    public static final String WEB_SOCKET_PATH = "/imbot";

    private final Vertx vertx;
    private final String deploymentId;
    private final ServerVerticle verticle;
    private final int port;
    private final int webSocketPort;
    private final AtomicReference<Future<Void>> stopping = new AtomicReference<>();

    private ImServer(Vertx vertx, String deploymentId, ServerVerticle verticle) {
        this.vertx = vertx;
        this.deploymentId = deploymentId;
        this.verticle = verticle;
        this.port = verticle.port();
        this.webSocketPort = verticle.webSocketPort();
    }

    /**
     * Starts a server: deploys its verticle and binds {@code options.host():options.port()}, and
     * {@code options.webSocketPort()} unless it is {@code -1}.
     *
     * @param vertx the Vert.x instance to deploy on; closing it stops the server
     * @param options where to listen and what to bound
     * @return the running server; fails with {@link NullPointerException} naming a missing argument,
     *     or with the bind failure (for example, the port is taken)
     */
    public static Future<ImServer> start(Vertx vertx, ServerOptions options) {
        if (vertx == null) {
            return Future.failedFuture(new NullPointerException("vertx must not be null"));
        }
        if (options == null) {
            return Future.failedFuture(new NullPointerException("options must not be null"));
        }
        ServerVerticle verticle = new ServerVerticle(options);
        return vertx.deployVerticle(verticle).map(id -> new ImServer(vertx, id, verticle));
    }

    /** The TCP port actually bound: the configured one, or the one picked for port 0. */
    public int port() {
        return port;
    }

    /**
     * The WebSocket port actually bound (the configured one, or the one picked for port 0), or
     * {@code -1} when {@link ServerOptions#webSocketPort()} is {@code -1}. Clients connect to
     * {@code ws://host:webSocketPort()/imbot} ({@code wss://} with TLS).
     */
    public int webSocketPort() {
        return webSocketPort;
    }

    /**
     * Closes every client connection and the listening sockets. Calling it again returns the same
     * future. Other methods still answer afterwards (stats keep their last values).
     */
    public Future<Void> stop() {
        Future<Void> existing = stopping.get();
        if (existing != null) {
            return existing;
        }
        Future<Void> stopped = vertx.undeploy(deploymentId);
        return stopping.compareAndSet(null, stopped) ? stopped : stopping.get();
    }

    /** A snapshot of the counters. */
    public Future<ServerStats> stats() {
        return verticle.withHub(Hub::stats);
    }

    /**
     * Replaces the injected faults; they apply to frames handled from now on. Turning {@code
     * silent} off resumes deliveries that silence held back.
     *
     * @param faults the faults to inject from now on; {@link FaultOptions#none()} for none
     * @return fails with {@link NullPointerException} when {@code faults} is null
     */
    public Future<Void> setFaults(FaultOptions faults) {
        if (faults == null) {
            return Future.failedFuture(new NullPointerException("faults must not be null"));
        }
        return verticle.withHub(hub -> {
            hub.setFaults(faults);
            return null;
        });
    }

    /**
     * Fault injection: closes every client connection abruptly, without an error frame (a WebSocket
     * gets a close frame with status 1001 and its TCP connection is closed at once). Messages in
     * flight stay queued and are redelivered when their recipients log in again.
     */
    public Future<Void> disconnectAll() {
        return verticle.withHub(hub -> {
            verticle.disconnectAll();
            return null;
        });
    }

    /**
     * The message IDs accepted from {@code sender}, in acceptance order, as far as the
     * deduplication memory ({@link ServerOptions#dedupCapacity()}) reaches. Scans that memory: meant
     * for tests and diagnostics, not for hot paths.
     *
     * @param sender the user name of the sender
     * @return fails with {@link NullPointerException} when {@code sender} is null
     */
    public Future<List<String>> acceptedIds(String sender) {
        if (sender == null) {
            return Future.failedFuture(new NullPointerException("sender must not be null"));
        }
        return verticle.withHub(hub -> List.copyOf(hub.acceptedIds(sender)));
    }
}
