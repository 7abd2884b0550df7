package io.imbot.server;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** Starts a fresh server on an ephemeral loopback port before each test; the extension's Vert.x close stops it. */
@ExtendWith(VertxExtension.class)
abstract class ServerTestBase {

    /** Bodies are irrelevant to most tests. */
    static final String BODY = "hello";

    ImServer server;
    Vertx vertx;

    /** The options under test: open login, so tests log in as anyone; subclasses override to change limits. */
    ServerOptions options() {
        return ServerOptions.defaults().withPort(0).withOpenLogin(true);
    }

    @BeforeEach
    void startServer(Vertx vertx, VertxTestContext ctx) {
        this.vertx = vertx;
        ImServer.start(vertx, options()).onComplete(ctx.succeeding(s -> {
            server = s;
            ctx.completeNow();
        }));
    }

    Future<TestClient> connect() {
        return TestClient.connect(vertx, server.port());
    }

    Future<TestClient> loggedIn(String user) {
        return connect().compose(c -> c.login(user));
    }

    /** Connects to the WebSocket port; {@link #options()} must turn it on. */
    Future<TestClient> connectWebSocket() {
        return TestClient.connectWebSocket(vertx, server.webSocketPort());
    }

    Future<TestClient> loggedInOverWebSocket(String user) {
        return connectWebSocket().compose(c -> c.login(user));
    }

    /**
     * Fresh stats once {@code condition} holds, polled every 10 ms for at most 5 s: for what the
     * server does on its own after a client has seen its side happen (for example, accepting a
     * connection). Fails with the last stats seen.
     */
    Future<ServerStats> statsWhen(Predicate<ServerStats> condition) {
        Promise<ServerStats> result = Promise.promise();
        long deadline = System.nanoTime() + 5_000_000_000L;
        pollStats(condition, deadline, result);
        return result.future();
    }

    private void pollStats(Predicate<ServerStats> condition, long deadline, Promise<ServerStats> result) {
        server.stats().onComplete(ar -> {
            if (ar.failed()) {
                result.fail(ar.cause());
            } else if (condition.test(ar.result())) {
                result.complete(ar.result());
            } else if (System.nanoTime() > deadline) {
                result.fail(new AssertionError("condition not met within 5 s; last stats: " + ar.result()));
            } else {
                vertx.setTimer(10, id -> pollStats(condition, deadline, result));
            }
        });
    }

    /** Checks {@code assertions} against fresh stats, then completes the test. */
    Future<Void> verifyStats(VertxTestContext ctx, Consumer<ServerStats> assertions) {
        return server.stats().onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
            assertions.accept(stats);
            ctx.completeNow();
        }))).mapEmpty();
    }
}
