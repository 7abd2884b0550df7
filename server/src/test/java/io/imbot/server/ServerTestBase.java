package io.imbot.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.function.Consumer;
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

    /** Checks {@code assertions} against fresh stats, then completes the test. */
    Future<Void> verifyStats(VertxTestContext ctx, Consumer<ServerStats> assertions) {
        return server.stats().onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
            assertions.accept(stats);
            ctx.completeNow();
        }))).mapEmpty();
    }
}
