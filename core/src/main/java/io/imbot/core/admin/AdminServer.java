package io.imbot.core.admin;

import io.imbot.api.ChatMessage;
import io.imbot.api.DeliveryStatus;
import io.imbot.api.Direction;
import io.imbot.core.config.ConfigException;
import io.imbot.core.config.ImbotConfig;
import io.imbot.core.delivery.ChatMessages;
import io.imbot.core.history.MessageRecord;
import io.imbot.core.history.MessageStore;
import io.imbot.core.plugin.PluginHost;
import io.imbot.core.plugin.PluginInfo;
import io.imbot.protocol.Fields;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local admin API the CLI talks to: JSON over HTTP, on loopback unless configured otherwise.
 * Read-only views of the running daemon (status, history, conversations, plugins), plugin actions
 * and a dry run of the bots' rules. Every request needs the bearer token and passes the {@link
 * RequestGuard}, except {@code GET /health} (the process answers), {@code GET /ready} (the
 * database answers and every connection is logged in) and {@code GET /metrics} (Prometheus),
 * which tell nothing secret; the {@link
 * ConnectionGuard} bounds the connections (docs/SECURITY.md).
 *
 * <p>The server runs in a verticle of its own, so one event loop owns its connections, timers and
 * routes.
 */
public final class AdminServer {

    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);

    /** The largest request body accepted; larger ones get 413. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final Vertx vertx;
    private final MessageStore history;
    private final PluginHost plugins;
    private final Supplier<JsonObject> status;
    private final Supplier<Future<JsonObject>> readiness;
    private Supplier<Future<JsonObject>> reload = () -> Future.failedFuture(new IllegalStateException("this daemon cannot reload"));
    private final Supplier<String> metrics;
    private final String botUser;
    private String deploymentId;

    /**
     * Creates the server; nothing listens until {@link #start}.
     *
     * @param readiness what {@code GET /ready} answers: a JSON object whose {@code ready} says it all
     * @param metrics what {@code GET /metrics} answers: the Prometheus text format
     */
    public AdminServer(Vertx vertx, MessageStore history, PluginHost plugins, Supplier<JsonObject> status,
            Supplier<Future<JsonObject>> readiness, Supplier<String> metrics, String botUser) {
        this.vertx = vertx;
        this.history = history;
        this.plugins = plugins;
        this.status = status;
        this.readiness = readiness;
        this.metrics = metrics;
        this.botUser = botUser;
    }

    /** What {@code POST /api/reload} runs: reads the configuration again and applies what it can (see the daemon). */
    public AdminServer reloading(Supplier<Future<JsonObject>> action) {
        this.reload = action;
        return this;
    }

    /**
     * Writes a fresh token to {@code config.tokenFile()} (unless {@code config.token()} is set) and
     * listens on {@code config.host():config.port()}.
     *
     * @return the bound port; fails when the token file cannot be written or the port not bound
     */
    public Future<Integer> start(ImbotConfig.Admin config) {
        Future<String> token = !config.token().isEmpty()
                ? Future.succeededFuture(config.token())
                : vertx.executeBlocking(() -> AdminToken.create(config.tokenFile()), false)
                        .recover(e -> Future.failedFuture(new IOException("admin API: cannot write the token file "
                                + config.tokenFile() + ": " + e.getMessage(), e)));
        return token.compose(t -> {
            Listener listener = new Listener(config, t);
            return vertx.deployVerticle(listener).map(id -> {
                deploymentId = id;
                warnBeyondLoopback(config, listener.port);
                return listener.port;
            });
        });
    }

    /** Stops listening. */
    public Future<Void> stop() {
        return deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId);
    }

    private static void warnBeyondLoopback(ImbotConfig.Admin config, int port) {
        if (config.onLoopback()) {
            return;
        }
        if (config.tls() == null) {
            log.warn("admin API listens on {}:{} beyond loopback WITHOUT TLS (admin.allowPlainHttp: true): anyone who can "
                    + "watch the network can read its token and history; prefer admin.tls.cert and admin.tls.key", config.host(), port);
        } else {
            log.warn("admin API listens on {}:{} beyond loopback, over TLS: other machines can reach it; only the token keeps "
                    + "them out", config.host(), port);
        }
    }

    /** The HTTP server and its routes, in a verticle so that one event loop owns them. */
    private final class Listener extends VerticleBase {
        private final ImbotConfig.Admin config;
        private final String token;
        /** Set on the listener's event loop once bound; read after the deployment completed. */
        private int port;

        Listener(ImbotConfig.Admin config, String token) {
            this.config = config;
            this.token = token;
        }

        @Override
        public Future<?> start() {
            ConnectionGuard connections = new ConnectionGuard(vertx, config.maxConnections(), config.requestTimeout());
            HttpServerOptions options = new HttpServerOptions()
                    .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, config.idleTimeout().toMillis())))
                    .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                    .setMaxInitialLineLength(4096)
                    .setMaxHeaderSize(8192)
                    .setHttp2ClearTextEnabled(false);
            if (config.tls() != null) {
                options.setSsl(true)
                        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(config.tls().cert().toString())
                                .setKeyPath(config.tls().key().toString()))
                        .setSslHandshakeTimeout(Math.max(1, config.requestTimeout().toMillis()))
                        .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS);
            }
            return vertx.createHttpServer(options)
                    .connectionHandler(connections::opened)
                    .requestHandler(router(new RequestGuard(config, token), connections))
                    .listen(config.port(), config.host())
                    .onSuccess(s -> port = s.actualPort());
        }
    }

    private Router router(RequestGuard guard, ConnectionGuard connections) {
        Router router = Router.router(vertx);
        Handler<RoutingContext> received = rc -> {
            connections.received(rc.request().connection());
            rc.next();
        };
        // For service managers, load balancers and Prometheus: no token, any Host; they tell nothing secret.
        // They have no body, so they count as received at once.
        router.get("/health").handler(received).handler(rc -> json(rc, new JsonObject().put("status", "up")));
        router.get("/ready").handler(received).handler(this::ready);
        router.get("/metrics").handler(received).handler(this::metrics);
        router.route().handler(guard);
        router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        router.route().handler(received); // only once the whole body is in: a half-sent one runs into the request timeout
        router.get("/api/status").handler(this::status);
        router.get("/api/history").handler(this::history);
        router.get("/api/conversations").handler(this::conversations);
        router.get("/api/plugins").handler(this::plugins);
        router.post("/api/plugins/:id/:action").handler(this::pluginAction);
        router.post("/api/rules/test").handler(this::rulesTest);
        router.post("/api/backup").handler(this::backup);
        router.post("/api/reload").handler(rc -> reload.get()
                .onSuccess(result -> json(rc, result))
                .onFailure(e -> error(rc, e instanceof ConfigException ? 400 : 500, e.getMessage())));
        router.route().last().handler(rc -> error(rc, 404, "no such endpoint: " + rc.request().method() + " " + rc.request().path()));
        router.route().failureHandler(AdminServer::failed);
        return router;
    }

    /** What a failed route answers: 413 for a body over the limit, the status it failed with, else 500 (logged). */
    private static void failed(RoutingContext rc) {
        int status = rc.statusCode();
        if (rc.response().closed()) {
            return; // the client went away, or the connection guard closed it: no one to answer
        }
        if (status == 413) {
            error(rc, 413, "the request body is over " + MAX_BODY_BYTES / 1024 + " KiB");
        } else if (status >= 400 && status < 500) {
            error(rc, status, rc.failure() != null && rc.failure().getMessage() != null ? rc.failure().getMessage() : "bad request");
        } else {
            log.warn("admin API: {} {} failed", rc.request().method(), rc.request().path(), rc.failure());
            error(rc, 500, "internal error (see the daemon's log)");
        }
    }

    /** 200 when the daemon can do its work, else 503; the body names each problem. */
    /** The counters with the readiness verdict, so one request tells {@code imbot status} everything. */
    private void status(RoutingContext rc) {
        readiness.get().onComplete(ar -> {
            JsonObject out = status.get();
            if (ar.failed()) {
                out.put("ready", false).put("database", "unknown: " + ar.cause().getMessage());
            } else {
                out.put("ready", ar.result().getBoolean("ready", false)).put("database", ar.result().getString("database"));
            }
            json(rc, out);
        });
    }

    private void ready(RoutingContext rc) {
        readiness.get().onComplete(ar -> {
            if (ar.failed()) {
                answer(rc, 503, new JsonObject().put("ready", false).put("error", String.valueOf(ar.cause().getMessage())));
            } else {
                answer(rc, ar.result().getBoolean("ready", false) ? 200 : 503, ar.result());
            }
        });
    }

    /** The Prometheus text format (version 0.0.4), written on this event loop: a scrape reads counters, it waits for nothing. */
    private void metrics(RoutingContext rc) {
        rc.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").putHeader("connection", "close")
                .end(metrics.get()).onComplete(v -> rc.request().connection().close());
    }

    /** {@code {"to": "/absolute/folder"}}: an online backup of the database into that folder, on the daemon's machine. */
    private void backup(RoutingContext rc) {
        String to;
        try {
            JsonObject body = rc.body().asJsonObject();
            to = body == null ? null : body.getString("to");
        } catch (RuntimeException e) {
            to = null; // not JSON, or "to" not text: the same answer
        }
        if (to == null || to.isBlank() || !Path.of(to).isAbsolute()) {
            error(rc, 400, "'to' must be an absolute folder path on the daemon's machine");
            return;
        }
        history.backup(Path.of(to))
                .onSuccess(archive -> json(rc, new JsonObject().put("archive", archive.toString())))
                .onFailure(e -> error(rc, 500, e.getMessage()));
    }

    private void history(RoutingContext rc) {
        String with = rc.request().getParam("with");
        String connection = rc.request().getParam("connection");
        int limit = limit(rc);
        if (limit < 0) {
            return;
        }
        Future<List<MessageRecord>> rows = with == null || with.isBlank() ? history.latest(limit)
                : history.latest(connection == null || connection.isBlank() ? null : connection, with, limit);
        rows.onSuccess(list -> {
            JsonArray out = new JsonArray();
            list.forEach(r -> out.add(ChatMessages.toJson(r.toChatMessage()).put("attempts", r.attempts())));
            json(rc, new JsonObject().put("messages", out));
        }).onFailure(e -> error(rc, 500, "history unavailable: " + e.getMessage()));
    }

    private void conversations(RoutingContext rc) {
        int limit = limit(rc);
        if (limit < 0) {
            return;
        }
        history.conversations(limit).onSuccess(list -> {
            JsonArray out = new JsonArray();
            list.forEach(c -> out.add(Conversations.toJson(c)));
            json(rc, new JsonObject().put("conversations", out));
        }).onFailure(e -> error(rc, 500, "history unavailable: " + e.getMessage()));
    }

    /** The {@code limit} parameter, 1 to 10000 (50 when absent); -1 after answering 400 to a bad one. */
    private static int limit(RoutingContext rc) {
        int limit;
        try {
            limit = Integer.parseInt(rc.request().getParam("limit", "50"));
        } catch (NumberFormatException e) {
            error(rc, 400, "limit must be a whole number");
            return -1;
        }
        if (limit < 1 || limit > 10_000) {
            error(rc, 400, "limit must be 1 to 10000");
            return -1;
        }
        return limit;
    }

    private void plugins(RoutingContext rc) {
        plugins.plugins().onSuccess(list -> {
            JsonArray out = new JsonArray();
            list.stream().map(PluginInfo::toJson).forEach(out::add);
            json(rc, new JsonObject().put("plugins", out));
        }).onFailure(e -> error(rc, 500, e.getMessage()));
    }

    private void pluginAction(RoutingContext rc) {
        String id = rc.pathParam("id");
        Future<String> result = switch (rc.pathParam("action")) {
            case "reload" -> plugins.reload(id);
            case "enable" -> plugins.enable(id);
            case "disable" -> plugins.disable(id);
            default -> Future.failedFuture(new IllegalArgumentException("unknown action '" + rc.pathParam("action")
                    + "' (reload, enable or disable)"));
        };
        result.onSuccess(line -> json(rc, new JsonObject().put("result", line)))
                .onFailure(e -> error(rc, e instanceof IllegalArgumentException ? 404 : 500, e.getMessage()));
    }

    private void rulesTest(RoutingContext rc) {
        JsonObject body;
        try {
            body = rc.body().asJsonObject();
        } catch (RuntimeException e) {
            body = null;
        }
        String problem = body == null ? "body must be a JSON object with user and text" : rulesTestProblem(body);
        if (problem != null) {
            error(rc, 400, problem);
            return;
        }
        String user = body.getString("user");
        String text = body.getString("text");
        String room = body.getString("room");
        String to = room != null ? room : botUser;
        ChatMessage probe = new ChatMessage("dry-run", Direction.INBOUND, room != null ? room : user, user, to, text,
                Instant.now(), DeliveryStatus.RECEIVED);
        plugins.explain(probe)
                .onSuccess(matches -> json(rc, new JsonObject().put("matches", new JsonArray(matches))))
                .onFailure(e -> error(rc, 500, e.getMessage()));
    }

    /** What is wrong with a rules test body, naming the field, or {@code null}. */
    static String rulesTestProblem(JsonObject body) {
        for (String field : List.of("user", "text", "room")) {
            Object value = body.getValue(field);
            if (value == null ? !field.equals("room") : !(value instanceof String)) {
                return field + ": expected a string, got " + kind(value);
            }
        }
        if (!Fields.isUser(body.getString("user"))) {
            return "user: expected a user name of 1-64 letters, digits, '_', '.' or '-'";
        }
        if (body.getString("text").isEmpty()) {
            return "text: expected a non-empty string";
        }
        String room = body.getString("room");
        return room != null && !Fields.isRoom(room) ? "room: expected a room name starting with '#'" : null;
    }

    private static String kind(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "true or false";
        }
        return value instanceof JsonArray ? "a list" : "an object";
    }

    private static void json(RoutingContext rc, JsonObject body) {
        answer(rc, 200, body);
    }

    static void error(RoutingContext rc, int status, String message) {
        answer(rc, status, new JsonObject().put("error", message));
    }

    /**
     * Every answer goes out here, with {@code Connection: close}, and the connection is closed once
     * it is written: one request per connection, so the receive clock of the {@link
     * ConnectionGuard} covers all of a connection's time before its request is handled.
     */
    private static void answer(RoutingContext rc, int status, JsonObject body) {
        if (rc.response().ended() || rc.response().closed()) {
            return;
        }
        HttpConnection conn = rc.request().connection();
        rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body.encode())
                .onComplete(ar -> conn.close());
    }
}
