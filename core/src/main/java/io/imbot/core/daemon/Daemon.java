package io.imbot.core.daemon;

import io.imbot.api.DaemonStatus;
import io.imbot.api.connector.Connector;
import io.imbot.core.admin.AdminServer;
import io.imbot.core.config.ConfigException;
import io.imbot.core.config.ImbotConfig;
import io.imbot.core.delivery.DeliveryCounters;
import io.imbot.core.delivery.DeliveryPort;
import io.imbot.core.delivery.DeliverySettings;
import io.imbot.core.delivery.MessageCenter;
import io.imbot.core.history.JdbcMessageStore;
import io.imbot.core.history.MessageStore;
import io.imbot.core.plugin.PluginHost;
import io.imbot.core.plugin.PluginHostSettings;
import io.imbot.server.ImServer;
import io.imbot.server.ServerOptions;
import io.imbot.server.TokenHash;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: the embedded reference server (when configured), the history store, the
 * message center with its connector, the plugin host and the admin API, started in that order and
 * stopped in reverse.
 */
public final class Daemon {

    private static final Logger log = LoggerFactory.getLogger(Daemon.class);

    private final ImbotConfig config;
    private final Vertx vertx;
    /** {@code bot.token}, or for an embedded server without one, a token made for this run. Never logged. */
    private final String botToken;
    private final DeliveryCounters counters = new DeliveryCounters();
    private final long startedAt = System.nanoTime();
    private ImServer server;
    private MessageStore store;
    private String centerId;
    private String hostId;
    private PluginHost host;
    private AdminServer admin;
    private int adminPort = -1;

    private Daemon(ImbotConfig config, Vertx vertx, String botToken) {
        this.config = config;
        this.vertx = vertx;
        this.botToken = botToken;
    }

    /**
     * Starts a daemon on {@code vertx}.
     *
     * @return the started daemon; fails with {@link ConfigException} when the embedded server's
     *     accounts file is missing or wrong (before anything starts), or when any part cannot start
     *     (everything started is stopped)
     */
    public static Future<Daemon> start(Vertx vertx, ImbotConfig config) {
        String token = config.bot().token();
        if (token.isEmpty() && config.server().embedded()) {
            token = TokenHash.randomToken();
            log.info("bot.token is empty: the embedded server lets '{}' in only with a token made for this run", config.bot().user());
        }
        ServerOptions serverOptions;
        try {
            serverOptions = config.server().embedded() ? ServerSetup.embedded(config, token) : null;
        } catch (ConfigException e) {
            return Future.failedFuture(e);
        }
        Daemon d = new Daemon(config, vertx, token);
        return d.startParts(serverOptions).map(v -> d).recover(e -> d.stop().transform(ignored -> Future.failedFuture(e)));
    }

    /**
     * The reference server, the database and the plugins start side by side; the message center
     * connects last, once the bots are ready, so no inbound message is published before they listen.
     */
    private Future<Void> startParts(ServerOptions serverOptions) {
        ImbotConfig.Server s = config.server();
        long[] t = {System.nanoTime()};
        Future<Void> serverStarted = serverOptions != null
                ? ImServer.start(vertx, serverOptions)
                        .map(srv -> {
                            server = srv;
                            return null;
                        })
                : Future.succeededFuture();
        Future<JdbcMessageStore> storeOpened = JdbcMessageStore.open(vertx, config.database().url(), config.bot().user(),
                        config.database().lockWait())
                .onSuccess(st -> {
                    store = st;
                    log.info("history database open in {} ms", (System.nanoTime() - t[0]) / 1_000_000);
                });
        Promise<DeliveryPort> delivery = Promise.promise();
        host = new PluginHost(PluginHostSettings.from(config), storeOpened, delivery.future(), this::status);
        Future<String> hostStarted = vertx.deployVerticle(host).onSuccess(id -> hostId = id);
        return Future.all(serverStarted, storeOpened, hostStarted)
                .compose(all -> host.connectorFactories())
                .compose(factories -> {
                    int port = server != null ? server.port() : s.port();
                    Connector connector;
                    try {
                        connector = Connections.create(factories, Connections.fromServerSection(config, port, botToken), vertx);
                    } catch (ConfigException e) {
                        delivery.fail(e);
                        return Future.failedFuture(e);
                    }
                    MessageCenter center = new MessageCenter(DeliverySettings.from(config.delivery()), connector, store,
                            config.bot().user(), counters);
                    return vertx.deployVerticle(center).onComplete(ar -> {
                        if (ar.succeeded()) {
                            delivery.complete(center);
                        } else {
                            delivery.fail(ar.cause());
                        }
                    });
                })
                .compose(id -> {
                    centerId = id;
                    return startAdmin();
                });
    }

    private Future<Void> startAdmin() {
        if (!config.admin().enabled()) {
            return Future.succeededFuture();
        }
        admin = new AdminServer(vertx, store, host, this::statusJson, config.bot().user());
        return admin.start(config.admin()).map(port -> {
            adminPort = port;
            return null;
        });
    }

    /** The port of the embedded server, or -1 when none runs. */
    public int serverPort() {
        return server == null ? -1 : server.port();
    }

    /** The port of the admin API, or -1 when it is off. */
    public int adminPort() {
        return adminPort;
    }

    /** The plugin host. */
    public PluginHost plugins() {
        return host;
    }

    /** The delivery counters. */
    public DeliveryCounters counters() {
        return counters;
    }

    /** The status that bots and the admin API see. */
    public DaemonStatus status() {
        return new DaemonStatus(Duration.ofNanos(System.nanoTime() - startedAt), counters.acknowledged(), counters.received(),
                counters.pending(), counters.connected());
    }

    private JsonObject statusJson() {
        return new JsonObject()
                .put("user", config.bot().user())
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
     * Stops everything in reverse order: stop taking messages, let the bots finish, wait briefly for
     * in-flight ACKs, close the database cleanly. Never fails; problems are logged.
     */
    public Future<Void> stop() {
        return step("admin API", admin == null ? null : admin::stop)
                .compose(v -> step("plugins", hostId == null ? null : () -> vertx.undeploy(hostId)))
                .compose(v -> step("message center", centerId == null ? null : () -> vertx.undeploy(centerId)))
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
