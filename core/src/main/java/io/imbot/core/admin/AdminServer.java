package io.imbot.core.admin;

import io.imbot.api.ChatMessage;
import io.imbot.api.DeliveryStatus;
import io.imbot.api.Direction;
import io.imbot.core.delivery.ChatMessages;
import io.imbot.core.history.MessageRecord;
import io.imbot.core.history.MessageStore;
import io.imbot.core.plugin.PluginHost;
import io.imbot.core.plugin.PluginInfo;
import io.imbot.protocol.Fields;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The local admin API the CLI talks to: JSON over HTTP on loopback. Read-only views of the
 * running daemon (status, history, conversations, plugins) and a dry run of the bots' rules.
 */
public final class AdminServer {

    private final Vertx vertx;
    private final MessageStore history;
    private final PluginHost plugins;
    private final Supplier<JsonObject> status;
    private final String botUser;
    private HttpServer server;

    /** Creates the server; nothing listens until {@link #start}. */
    public AdminServer(Vertx vertx, MessageStore history, PluginHost plugins, Supplier<JsonObject> status, String botUser) {
        this.vertx = vertx;
        this.history = history;
        this.plugins = plugins;
        this.status = status;
        this.botUser = botUser;
    }

    /** Listens on {@code host:port}; completes with the bound port. */
    public Future<Integer> start(String host, int port) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(64 * 1024));
        router.get("/api/status").handler(rc -> json(rc, status.get()));
        router.get("/api/history").handler(this::history);
        router.get("/api/conversations").handler(this::conversations);
        router.get("/api/plugins").handler(this::plugins);
        router.post("/api/plugins/:id/:action").handler(this::pluginAction);
        router.post("/api/rules/test").handler(this::rulesTest);
        router.route().last().handler(rc -> error(rc, 404, "no such endpoint: " + rc.request().method() + " " + rc.request().path()));
        return vertx.createHttpServer().requestHandler(router).listen(port, host).map(s -> {
            server = s;
            return s.actualPort();
        });
    }

    /** Stops listening. */
    public Future<Void> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    private void history(RoutingContext rc) {
        String with = rc.request().getParam("with");
        int limit = limit(rc);
        if (limit < 0) {
            return;
        }
        Future<List<MessageRecord>> rows = with == null || with.isBlank() ? history.latest(limit) : history.latest(with, limit);
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
            error(rc, 400, "body must be a JSON object with user and text");
            return;
        }
        String user = body == null ? null : body.getString("user");
        String text = body == null ? null : body.getString("text");
        String room = body == null ? null : body.getString("room");
        if (!Fields.isUser(user) || text == null || text.isEmpty() || (room != null && !Fields.isRoom(room))) {
            error(rc, 400, "need a valid user, a non-empty text and optionally a #room");
            return;
        }
        String to = room != null ? room : botUser;
        ChatMessage probe = new ChatMessage("dry-run", Direction.INBOUND, room != null ? room : user, user, to, text,
                Instant.now(), DeliveryStatus.RECEIVED);
        plugins.explain(probe)
                .onSuccess(matches -> json(rc, new JsonObject().put("matches", new JsonArray(matches))))
                .onFailure(e -> error(rc, 500, e.getMessage()));
    }

    private static void json(RoutingContext rc, JsonObject body) {
        rc.response().putHeader("content-type", "application/json").end(body.encode());
    }

    private static void error(RoutingContext rc, int status, String message) {
        rc.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(new JsonObject().put("error", message).encode());
    }
}
