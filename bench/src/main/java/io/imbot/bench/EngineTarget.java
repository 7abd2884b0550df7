package io.imbot.bench;

import io.imbot.api.connector.Connector;
import io.imbot.core.delivery.Addresses;
import io.imbot.core.delivery.DeliveryCounters;
import io.imbot.core.delivery.DeliveryOutcome;
import io.imbot.core.delivery.DeliverySettings;
import io.imbot.core.delivery.MessageCenter;
import io.imbot.core.delivery.SendRequest;
import io.imbot.core.history.JdbcMessageStore;
import io.imbot.plugins.imbotconnector.ImbotConnector;
import io.imbot.plugins.imbotconnector.ImbotOptions;
import io.imbot.plugins.imbotconnector.ImbotOptions.Transport;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The daemon's send path, wired as {@code Daemon} wires it: {@link MessageCenter} with a connector
 * (the native one over TCP unless told otherwise) and the HSQLDB {@link JdbcMessageStore} (durable file database, or in-memory), driven
 * through the {@link Addresses#SEND} event-bus address from another context, as bots and the CLI
 * drive it. Every send gets an ID, a stored row, a per-message timer, status events and a stored
 * status update.
 */
final class EngineTarget implements Load.Target {

    private final Vertx vertx;
    private final JdbcMessageStore store;
    private final String deploymentId;
    private final Context caller;
    private final SendRequest request;
    private final DeliveryOptions options = new DeliveryOptions().setSendTimeout(120_000);
    private final Path dir;

    private EngineTarget(Vertx vertx, JdbcMessageStore store, String deploymentId, String to, Path dir) {
        this.vertx = vertx;
        this.store = store;
        this.deploymentId = deploymentId;
        this.caller = vertx.getOrCreateContext();
        this.request = SendRequest.fresh(to, Payload.BODY);
        this.dir = dir;
    }

    /** Starts an engine logged in as {@code user}; {@code durable} picks a file database in a scratch folder. */
    static EngineTarget start(Vertx vertx, int port, String user, boolean durable) throws Exception {
        return start(vertx, port, Transport.TCP, user, durable);
    }

    /** Like {@link #start(Vertx, int, String, boolean)}, over {@code transport} (TLS, WebSocket or both). */
    static EngineTarget start(Vertx vertx, int port, Transport transport, String user, boolean durable) throws Exception {
        String room = "#sink-" + user;
        ImbotOptions connection = ImbotOptions.defaults("127.0.0.1", port, user).withRooms(List.of(room)).withTransport(transport);
        // No wait for the room join: the connector writes it right after login, before any message,
        // on the same connection, so the server always handles it first.
        return start(vertx, new ImbotConnector(vertx, connection), user, room, durable);
    }

    /**
     * The daemon's send path through any connector, logged in as {@code user}, every message to
     * {@code to} (an address nobody reads, so only the sender's path is measured).
     */
    static EngineTarget start(Vertx vertx, Connector connector, String user, String to, boolean durable) throws Exception {
        Path dir = durable ? Env.tempDir("db-") : null;
        String url = durable ? "jdbc:hsqldb:file:" + dir.resolve("imbot") : "jdbc:hsqldb:mem:bench-" + user;
        JdbcMessageStore store = JdbcMessageStore.open(vertx, url, user, Duration.ofSeconds(5)).toCompletionStage().toCompletableFuture().get();
        DeliverySettings settings = new DeliverySettings(Duration.ofSeconds(5), 3, Duration.ofSeconds(120), 1000, 100_000,
                Duration.ofSeconds(5), 65536);
        DeliveryCounters counters = new DeliveryCounters();
        MessageCenter center = new MessageCenter(settings, connector, store, user, counters);
        String id = vertx.deployVerticle(center).toCompletionStage().toCompletableFuture().get();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!counters.connected()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("engine did not connect: " + connector.describe());
            }
            Thread.sleep(5);
        }
        return new EngineTarget(vertx, store, id, to, dir);
    }

    Context context() {
        return caller;
    }

    @Override
    public void send(long seq, Load.Done done) {
        vertx.eventBus().<DeliveryOutcome>request(Addresses.SEND, request, options).onComplete(ar ->
                done.ended(ar.succeeded() && ar.result().body().succeeded()));
    }

    void close() throws Exception {
        vertx.undeploy(deploymentId).toCompletionStage().toCompletableFuture().get();
        store.close().toCompletionStage().toCompletableFuture().get();
        Env.deleteTree(dir);
    }
}
