package io.imbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

class LifecycleTest extends ServerTestBase {

    @Test
    void start_portZero_bindsAnEphemeralPort() {
        assertThat(server.port()).isBetween(1, 65535);
    }

    @Test
    void start_portTaken_fails(VertxTestContext ctx) {
        ImServer.start(vertx, options().withPort(server.port())).onComplete(ctx.failingThenComplete());
    }

    @Test
    void start_nullOptions_failsNamingTheArgument(VertxTestContext ctx) {
        ImServer.start(vertx, null).onComplete(ctx.failing(e -> ctx.verify(() -> {
            assertThat(e).isInstanceOf(NullPointerException.class).hasMessageContaining("options");
            ctx.completeNow();
        })));
    }

    @Test
    void stop_withClients_closesThemAndRefusesNewConnections(VertxTestContext ctx) {
        loggedIn("alice").compose(alice -> server.stop().compose(v -> alice.closed()))
                .compose(v -> server.stop()) // idempotent
                .compose(v -> vertx.createNetClient().connect(server.port(), "127.0.0.1"))
                // On Linux a connect to a free ephemeral port can pick that same port as its own and
                // connect to itself (TCP simultaneous open): that is no server answering either.
                .compose(s -> s.localAddress().port() == s.remoteAddress().port()
                        ? Future.failedFuture("connected to itself: nothing listens")
                        : Future.succeededFuture(s))
                .onComplete(ctx.failingThenComplete());
    }

    @Test
    void stats_afterStop_stillAnswer(VertxTestContext ctx) {
        server.stop()
                .compose(v -> verifyStats(ctx, stats -> assertThat(stats.connections()).isZero()))
                .onFailure(ctx::failNow);
    }
}
