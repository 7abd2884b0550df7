package io.imbot.core.daemon;

import io.imbot.api.DaemonStatus;
import io.imbot.api.connector.ConnectionSettings;
import io.imbot.api.connector.ConnectorFactory;
import io.imbot.core.admin.AdminServer;
import io.imbot.core.config.ConfigException;
import io.imbot.core.config.ConfigLoader;
import io.imbot.core.config.ImbotConfig;
import io.imbot.core.delivery.DeliveryCounters;
import io.imbot.core.delivery.DeliveryPort;
import io.imbot.core.delivery.DeliverySettings;
import io.imbot.core.delivery.MessageCenter;
import io.imbot.core.history.HistoryPruner;
import io.imbot.core.history.JdbcMessageStore;
import io.imbot.core.history.MessageStore;
import io.imbot.core.metrics.DaemonMetrics;
import io.imbot.core.metrics.Meters;
import io.imbot.core.plugin.PluginHost;
import io.imbot.core.plugin.PluginHostSettings;
import io.imbot.server.ImServer;
import io.imbot.server.ServerOptions;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: the embedded reference server (when configured), the history store, the
 * plugin host, a message center with its connector for each connection, and the admin API, started
 * in that order and stopped in reverse. Connections are independent: one that cannot reach its
 * server keeps trying with backoff while the others carry on.
 */
public final class Daemon {

    private static final Logger log = LoggerFactory.getLogger(Daemon.class);

    /** How long {@link #readiness()} waits for the database to answer. */
    static final Duration READY_DATABASE_WAIT = Duration.ofSeconds(2);

    private final ImbotConfig config;
    private final Vertx vertx;
    /** The configured connections, those to the embedded server with a token made for this run if they had none. Tokens are never logged. */
    private final List<ConnectionSettings> connectionSettings;
    private final Connections connections = new Connections();
    /**
     * A context that belongs to no deployment. The message centers are deployed from it: deployed
     * from the plugin host's context they would be its children, undeployed with it, before the
     * bots have finished.
     */
    private final Context home;
    private final PrometheusMeterRegistry registry = DaemonMetrics.newRegistry();
    private final DeliveryCounters counters = new DeliveryCounters(new Meters(registry));
    private final long startedAt = System.nanoTime();
    private ImServer server;
    private MessageStore store;
    private final List<String> centerIds = new ArrayList<>();
    private String hostId;
    private PluginHost host;
    private AdminServer admin;
    private HistoryPruner pruner;
    private volatile Callable<ImbotConfig> configSource;
    private int adminPort = -1;

    private Daemon(ImbotConfig config, Vertx vertx, List<ConnectionSettings> connectionSettings) {
        this.config = config;
        this.vertx = vertx;
        this.connectionSettings = connectionSettings;
        this.home = ((VertxInternal) vertx).createEventLoopContext();
        DaemonMetrics.bind(registry, counters, connectionSettings.stream().map(ConnectionSettings::name).toList());
    }

    /**
     * Starts a daemon on {@code vertx}.
     *
     * @return the started daemon; fails with {@link ConfigException} when the embedded server's
     *     accounts file is missing or wrong (before anything starts), or when any part cannot start
     *     (everything started is stopped)
     */
    public static Future<Daemon> start(Vertx vertx, ImbotConfig config) {
        List<ConnectionSettings> settings = Connections.withRunTokens(config.connections());
        for (int i = 0; i < settings.size(); i++) {
            if (settings.get(i) != config.connections().get(i)) {
                log.info("connection {}: no token; the embedded server lets '{}' in only with a token made for this run",
                        settings.get(i).name(), settings.get(i).user());
            }
        }
        ServerOptions serverOptions;
        try {
            serverOptions = config.server().embedded() ? ServerSetup.embedded(config, Connections.embeddedAccounts(settings)) : null;
        } catch (ConfigException e) {
            return Future.failedFuture(e);
        }
        Daemon d = new Daemon(config, vertx, settings);
        return d.startParts(serverOptions).map(v -> d).recover(e -> d.stop().transform(ignored -> Future.failedFuture(e)));
    }

    /**
     * The reference server, the database and the plugins start side by side; the message centers
     * connect last, once the bots are ready, so no inbound message is published before they listen.
     */
    private Future<Void> startParts(ServerOptions serverOptions) {
        long[] t = {System.nanoTime()};
        Future<Void> serverStarted = serverOptions != null
                ? ImServer.start(vertx, serverOptions)
                        .map(srv -> {
                            server = srv;
                            return null;
                        })
                : Future.succeededFuture();
        Future<JdbcMessageStore> storeOpened = JdbcMessageStore.open(vertx, config.database().url(), connectionSettings.get(0).user(),
                        config.database().lockWait())
                .onSuccess(st -> {
                    store = st;
                    st.observeCommits(counters.meters().commits()::record);
                    log.info("history database open in {} ms", (System.nanoTime() - t[0]) / 1_000_000);
                });
        Promise<DeliveryPort> delivery = Promise.promise();
        host = new PluginHost(PluginHostSettings.from(config), storeOpened, delivery.future(), this::status, counters.meters());
        Future<String> hostStarted = vertx.deployVerticle(host).onSuccess(id -> hostId = id);
        return Future.all(serverStarted, storeOpened, hostStarted)
                .compose(all -> host.connectorFactories())
                .compose(factories -> onHome(() -> startConnections(factories, storeOpened.result())))
                .compose(v -> onHome(() -> startRetention(storeOpened.result())))
                .onComplete(ar -> {
                    if (ar.succeeded()) {
                        delivery.complete(connections);
                    } else {
                        delivery.fail(ar.cause());
                    }
                })
                .compose(v -> startAdmin());
    }

    private <T> Future<T> onHome(java.util.function.Supplier<Future<T>> work) {
        Promise<T> done = Promise.promise();
        home.runOnContext(v -> work.get().onComplete(done));
        return done.future();
    }

    /** A message center for each connection, the first first; fails at the first connection that is misconfigured. */
    private Future<Void> startConnections(List<ConnectorFactory> factories, JdbcMessageStore root) {
        Future<Void> chain = Future.succeededFuture();
        boolean first = true;
        for (ConnectionSettings configured : connectionSettings) {
            ConnectionSettings c = server == null ? configured : config.reachable(configured, server.port());
            MessageCenter center;
            try {
                center = new MessageCenter(c.name(), first, DeliverySettings.from(config.delivery()), Connections.create(factories, c, vertx, config.home()),
                        root.forConnection(c.name(), c.user()), c.user(), counters);
            } catch (ConfigException e) {
                return chain.compose(v -> Future.failedFuture(e));
            }
            first = false;
            chain = chain.compose(v -> vertx.deployVerticle(center)).map(id -> {
                centerIds.add(id);
                connections.add(center);
                return null;
            });
        }
        return chain;
    }

    /** Retention runs on the daemon's own context, beside the engines; it starts after them (their pending rows are in place). */
    private Future<Void> startRetention(JdbcMessageStore root) {
        counters.meters().pruned(0); // scraped as 0 while nothing was pruned, not missing
        pruner = new HistoryPruner(vertx, root, config.history(), Clock.systemUTC(), counters.meters()::pruned);
        pruner.start();
        return Future.succeededFuture();
    }

    /**
     * Where {@link #reload} reads the configuration again; by default the file and environment
     * the daemon started with, read the same way.
     */
    public void reloadFrom(Callable<ImbotConfig> source) {
        this.configSource = source;
    }

    /**
     * Reads the configuration again and applies what can change while running: the plugins'
     * sections ({@code plugins.config}) and {@code plugins.replyRate}. Everything else that changed
     * is named as needing a restart. A configuration that does not load changes nothing and fails
     * with its {@link ConfigException}. Log levels live in {@code conf/logback.xml}, which logback
     * reloads by itself.
     *
     * @return {@code {"applied": [...], "needsRestart": [...]}}
     */
    public Future<JsonObject> reload() {
        Callable<ImbotConfig> source = configSource != null ? configSource
                : () -> new ConfigLoader().load(config.home(), config.configFile());
        return vertx.<ImbotConfig>executeBlocking(source::call, false)
                .compose(fresh -> host.apply(PluginHostSettings.from(fresh)).map(applied -> {
                    List<String> restart = ConfigChanges.needingRestart(config, fresh);
                    log.info("configuration reloaded: {}{}", applied.isEmpty() ? "nothing to apply" : "applied " + applied,
                            restart.isEmpty() ? "" : "; changed but needing a restart: " + restart);
                    return new JsonObject().put("applied", new JsonArray(applied)).put("needsRestart", new JsonArray(restart));
                }));
    }

    private Future<Void> startAdmin() {
        if (!config.admin().enabled()) {
            return Future.succeededFuture();
        }
        admin = new AdminServer(vertx, store, host, this::statusJson, this::readiness, registry::scrape, connectionSettings.get(0).user())
                .reloading(this::reload);
        return admin.start(config.admin()).map(port -> {
            adminPort = port;
            return null;
        });
    }

    /** The port of the embedded server, or -1 when none runs. */
    public int serverPort() {
        return server == null ? -1 : server.port();
    }

    /** The WebSocket port of the embedded server, or -1 when none listens. */
    public int serverWebSocketPort() {
        return server == null ? -1 : server.webSocketPort();
    }

    /** The port of the admin API, or -1 when it is off. */
    public int adminPort() {
        return adminPort;
    }

    /** The history store (every connection's messages). */
    public MessageStore history() {
        return store;
    }

    /** The plugin host. */
    public PluginHost plugins() {
        return host;
    }

    /** The delivery counters. */
    public DeliveryCounters counters() {
        return counters;
    }

    /** imbot's version, from the core jar's manifest; {@code development build} when run from classes. */
    public static String version() {
        String v = Daemon.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    /** The status that bots and the admin API see. */
    public DaemonStatus status() {
        return new DaemonStatus(Duration.ofNanos(System.nanoTime() - startedAt), counters.acknowledged(), counters.received(),
                counters.pending(), counters.connected());
    }

    private JsonObject statusJson() {
        return new JsonObject()
                .put("version", version())
                .put("java", Runtime.version().toString())
                .put("pid", ProcessHandle.current().pid())
                .put("user", connectionSettings.get(0).user())
                .put("connections", connectionsJson())
                .put("uptimeMs", Duration.ofNanos(System.nanoTime() - startedAt).toMillis())
                .put("connected", counters.connected())
                .put("accepted", counters.accepted())
                .put("acknowledged", counters.acknowledged())
                .put("sentUnconfirmed", counters.sent())
                .put("timedOut", counters.timedOut())
                .put("failed", counters.failed())
                .put("refused", counters.refused())
                .put("retransmissions", counters.retransmissions())
                .put("lateAcks", counters.lateAcks())
                .put("received", counters.received())
                .put("duplicatesDropped", counters.duplicatesDropped())
                .put("unhandled", counters.unhandled())
                .put("redispatched", counters.redispatched())
                .put("repliesSentBefore", counters.repliesSentBefore())
                .put("joinedReplies", counters.joinedReplies())
                .put("inboundStoreFailures", counters.inboundStoreFailures())
                .put("inboundTooLong", counters.inboundTooLong())
                .put("pending", counters.pending())
                .put("inFlight", counters.inFlight())
                .put("timers", counters.timers());
    }

    /**
     * Whether the daemon can do its work: the database answers a query within {@link
     * #READY_DATABASE_WAIT} and every connection is logged in. Each problem is named.
     */
    public Future<JsonObject> readiness() {
        JsonArray list = new JsonArray();
        boolean allUp = true;
        for (MessageCenter c : connections.centers()) {
            list.add(new JsonObject().put("name", c.name()).put("up", c.up()).put("problem", c.problem()));
            allUp &= c.up();
        }
        boolean connectionsUp = allUp;
        // A read through the store's reader pool, which any thread may use (the writers are the engines' own).
        return store.latest(1).timeout(READY_DATABASE_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .map("ok")
                .recover(e -> Future.succeededFuture("not answering: " + e.getMessage()))
                .map(database -> new JsonObject().put("ready", connectionsUp && database.equals("ok")).put("database", database)
                        .put("connections", list));
    }

    private JsonArray connectionsJson() {
        JsonArray out = new JsonArray();
        for (MessageCenter c : connections.centers()) {
            out.add(new JsonObject().put("name", c.name()).put("via", c.describe()).put("up", c.up())
                    .put("guarantee", c.guarantee().name()).put("problem", c.problem()));
        }
        return out;
    }

    /**
     * Stops everything in reverse order: stop taking messages, let the bots finish, wait briefly for
     * in-flight ACKs, close the database cleanly. Never fails; problems are logged.
     */
    public Future<Void> stop() {
        return step("admin API", admin == null ? null : admin::stop)
                .compose(v -> step("plugins", hostId == null ? null : () -> vertx.undeploy(hostId)))
                .compose(v -> step("message centers", centerIds.isEmpty() ? null
                        : () -> Future.join(centerIds.stream().map(vertx::undeploy).toList()).mapEmpty()))
                .compose(v -> step("retention", pruner == null ? null : pruner::stop))
                .compose(v -> step("database", store == null ? null : store::close))
                .compose(v -> step("reference server", server == null ? null : server::stop));
    }

    private Future<Void> step(String what, java.util.function.Supplier<Future<Void>> action) {
        if (action == null) {
            return Future.succeededFuture();
        }
        return action.get().otherwise(e -> {
            log.warn("stopping the {} failed: {}", what, e.toString());
            return null;
        });
    }
}
