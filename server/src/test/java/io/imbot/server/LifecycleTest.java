package io.imbot.server;

import static org.assertj.core.api.Assertions.assertThat;

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
                // Refused, or (under load) accepted by the closing listener and reset at once; either
                // way nobody logs in. A connect to a free ephemeral port can also pick that port as its
                // own and reach itself (TCP simultaneous open): it then reads its own login frame back.
                .compose(v -> connect())
                .compose(bob -> bob.login("bob"))
                .onComplete(ctx.failingThenComplete());
    }

    @Test
    void stats_afterStop_stillAnswer(VertxTestContext ctx) {
        server.stop()
                .compose(v -> verifyStats(ctx, stats -> assertThat(stats.connections()).isZero()))
                .onFailure(ctx::failNow);
    }
}
