package io.imbot.core.testing;

import io.imbot.api.ConnectionChange;
import io.imbot.api.DeliveryStatus;
import io.imbot.core.delivery.Addresses;
import io.imbot.core.delivery.DeliveryCounters;
import io.imbot.core.delivery.DeliveryOutcome;
import io.imbot.core.delivery.DeliverySettings;
import io.imbot.core.delivery.Inbound;
import io.imbot.core.delivery.MessageCenter;
import io.imbot.core.delivery.SendRequest;
import io.imbot.core.history.JdbcMessageStore;
import io.imbot.plugins.imbotconnector.ImbotConnector;
import io.imbot.plugins.imbotconnector.ImbotOptions;
import io.imbot.server.ImServer;
import io.imbot.server.ServerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A delivery engine wired to real parts: the reference server on a loopback port, the native
 * connector over one {@link Wire} (TCP by default), and an in-memory HSQLDB store.
 */
public final class EngineFixture {

    public final Vertx vertx;
    /** The reference server; a new one on the same ports after {@link #startServerAgain}. */
    public volatile ImServer server;
    public final Wire wire;
    public final JdbcMessageStore store;
    public final DeliveryCounters counters = new DeliveryCounters();
    /** The running engine; a new one after {@link #restartEngine}. */
    public volatile MessageCenter center;
    public final List<DeliveryOutcome> statusEvents = new CopyOnWriteArrayList<>();
    public final List<Inbound> inboundEvents = new CopyOnWriteArrayList<>();
    /** The connection's states in order, as lower-case names ("up", "down", "failed"). */
    public final List<String> connectionEvents = new CopyOnWriteArrayList<>();
    private String deploymentId;

    private EngineFixture(Vertx vertx, ImServer server, JdbcMessageStore store, Wire wire) {
        this.vertx = vertx;
        this.server = server;
        this.store = store;
        this.wire = wire;
    }

    /** Fast settings for tests: 100 ms ACK timeout, 3 attempts, 10 s deadline. */
    public static DeliverySettings fastSettings() {
        return new DeliverySettings(Duration.ofMillis(100), 3, Duration.ofSeconds(10), 100, 10_000, Duration.ofSeconds(1), 65536);
    }

    /** Starts a server, a store and an engine logged in as {@code bot}. */
    public static Future<EngineFixture> start(Vertx vertx, DeliverySettings settings) {
        return start(vertx, settings, UnaryOperator.identity());
    }

    /** Like {@link #start(Vertx, DeliverySettings)}, with the connector's options adjusted. */
    public static Future<EngineFixture> start(Vertx vertx, DeliverySettings settings, UnaryOperator<ImbotOptions> tcp) {
        return start(vertx, Wire.TCP, settings, tcp);
    }

    /** Like {@link #start(Vertx, DeliverySettings, UnaryOperator)}, everyone connecting over {@code wire}. */
    public static Future<EngineFixture> start(Vertx vertx, Wire wire, DeliverySettings settings, UnaryOperator<ImbotOptions> tcp) {
        return ImServer.start(vertx, wire.serve(ServerOptions.defaults().withPort(0).withOpenLogin(true)))
                .compose(server -> TestStores.inMemory(vertx, "bot").map(store -> new EngineFixture(vertx, server, store, wire)))
                .compose(f -> f.deploy(settings, tcp).map(f));
    }

    /** Options for a connector to this fixture's server over its wire, reconnecting fast. */
    public ImbotOptions tcpOptions(String user) {
        return wire.reach(server, ImbotOptions.defaults("127.0.0.1", server.port(), user)
                .withReconnect(Duration.ofMillis(20), Duration.ofMillis(200)));
    }

    /** Stops the server; its queues and dedup memory go with it. */
    public Future<Void> stopServer() {
        return server.stop();
    }

    /** After {@link #stopServer}: a new server on the same ports. */
    public Future<Void> startServerAgain() {
        ServerOptions same = wire.serve(ServerOptions.defaults().withPort(server.port()).withOpenLogin(true));
        if (server.webSocketPort() > 0) {
            same = same.withWebSocketPort(server.webSocketPort());
        }
        return ImServer.start(vertx, same).map(s -> {
            server = s;
            return null;
        });
    }

    private Future<Void> deploy(DeliverySettings settings, UnaryOperator<ImbotOptions> adjust) {
        vertx.eventBus().<DeliveryOutcome>consumer(Addresses.DELIVERY_STATUS, m -> statusEvents.add(m.body()));
        vertx.eventBus().<Inbound>consumer(Addresses.INBOUND, m -> inboundEvents.add(m.body()));
        vertx.eventBus().<ConnectionChange>consumer(Addresses.CONNECTION,
                m -> connectionEvents.add(m.body().state().name().toLowerCase(java.util.Locale.ROOT)));
        return deployEngine(settings, adjust.apply(tcpOptions("bot")));
    }

    private Future<Void> deployEngine(DeliverySettings settings, ImbotOptions tcp) {
        MessageCenter engine = new MessageCenter(settings, new ImbotConnector(vertx, tcp), store, "bot", counters);
        return vertx.deployVerticle(engine).map(id -> {
            center = engine;
            deploymentId = id;
            return null;
        });
    }

    /** Stops the engine as a clean stop would, then starts a new one on the same store and server. */
    public Future<Void> restartEngine(DeliverySettings settings) {
        return stopEngine().compose(v -> deployEngine(settings, tcpOptions("bot")));
    }

    /** Sends through the event-bus address, as a bot or another thread would. */
    public Future<DeliveryOutcome> send(String to, String body) {
        return vertx.eventBus().<DeliveryOutcome>request(Addresses.SEND, SendRequest.fresh(to, body),
                        new DeliveryOptions().setSendTimeout(60_000))
                .map(r -> r.body());
    }

    /** How many final outcomes (not PENDING) were published for each message ID. */
    public java.util.Map<String, Long> finalStatusCounts() {
        return statusEvents.stream().filter(e -> e.status() != DeliveryStatus.PENDING)
                .collect(java.util.stream.Collectors.groupingBy(DeliveryOutcome::id, java.util.stream.Collectors.counting()));
    }

    /**
     * The status events published for {@code id}, in order, once {@code n} have arrived: they reach
     * this fixture's listener after the caller has learned the outcome, so a test waits for them.
     */
    public List<String> statusesOf(String id, int n) {
        Futures.await(Await.until(vertx, 10, () -> statusesOf(id).size() >= n));
        return statusesOf(id);
    }

    /** The final (not PENDING) status events so far, once at least {@code n} have arrived. */
    public java.util.Map<String, Long> finalStatusCounts(int n) {
        Futures.await(Await.until(vertx, 30, () -> statusEvents.stream().filter(e -> e.status() != DeliveryStatus.PENDING).count() >= n));
        return finalStatusCounts();
    }

    /** Status events published for {@code id}, in order. */
    public List<String> statusesOf(String id) {
        return statusEvents.stream().filter(e -> id.equals(e.id())).map(e -> e.status().name()).toList();
    }

    /** Stops the engine (its stop path), leaving server and store up. */
    public Future<Void> stopEngine() {
        return deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId);
    }
}
