package io.imbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.protocol.Frame;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The time a WebSocket connection gets: to upgrade and log in (the login deadline), and between frames (the idle timer). */
class WebSocketDeadlinesTest extends ServerTestBase {

    /** Short for a test, long enough for an upgrade on a busy machine. */
    private static final Duration SHORT = Duration.ofMillis(1000);

    private NetClient raw; // Vert.x 5 closes an unreachable client and its sockets: keep it

    @Override
    ServerOptions options() {
        return super.options().withWebSocketPort(0).withLoginTimeout(SHORT);
    }

    /** Completes when {@code closed} does; fails if it has not after {@code millis}. */
    private Future<Void> closedWithin(Future<Void> closed, long millis) {
        Promise<Void> result = Promise.promise();
        long timer = vertx.setTimer(millis, id -> result.tryFail(new AssertionError("still open after " + millis + " ms")));
        closed.onComplete(ar -> {
            vertx.cancelTimer(timer);
            result.tryComplete();
        });
        return result.future();
    }

    @Test
    void httpConnection_neverUpgrading_countedThenClosedAtTheLoginDeadline(VertxTestContext ctx) {
        raw = vertx.createNetClient();
        raw.connect(server.webSocketPort(), "127.0.0.1")
                .compose(socket -> {
                    Promise<Void> closed = Promise.promise();
                    socket.closeHandler(v -> closed.complete());
                    return statsWhen(stats -> stats.connections() == 1).map(closed.future()); // counted before it upgrades
                })
                .compose(closed -> closedWithin(closed, 5000))
                .compose(v -> statsWhen(stats -> stats.connections() == 0)) // the server's side of the close may come later
                .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
                    assertThat(stats.connectionsTimedOut()).isEqualTo(1);
                    ctx.completeNow();
                })));
    }

    @Test
    void webSocket_pingingButNeverLoggingIn_refusedAtTheLoginDeadline(VertxTestContext ctx) {
        connectWebSocket().compose(c -> c.send(new Frame.Ping()).compose(v -> closedWithin(c.closed(), 5000)).map(c))
                .compose(c -> verifyStats(ctx, stats -> {
                    assertThat(c.all()).last().isEqualTo(new Frame.Error("login_refused", "no login within " + SHORT.toMillis() + " ms", ""));
                    assertThat(stats.connectionsTimedOut()).isEqualTo(1);
                }))
                .onFailure(ctx::failNow);
    }

    @Test
    void webSocket_sendingOnlyWebSocketPings_closedAfterIdleTimeout(VertxTestContext ctx) {
        ImServer.start(vertx, options().withIdleTimeout(Duration.ofMillis(300)).withLoginTimeout(Duration.ofSeconds(30)))
                .compose(idle -> TestClient.connectWebSocket(vertx, idle.webSocketPort()))
                .compose(c -> c.login("alice"))
                .compose(c -> {
                    long pinger = vertx.setPeriodic(50, id -> c.webSocket().writePing(Buffer.buffer("hi")));
                    return closedWithin(c.closed(), 3000).onComplete(ar -> vertx.cancelTimer(pinger));
                })
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void webSocket_idleLongerThanTimeout_closed(VertxTestContext ctx) {
        ImServer.start(vertx, options().withIdleTimeout(Duration.ofMillis(200)).withLoginTimeout(Duration.ofSeconds(30)))
                .compose(idle -> TestClient.connectWebSocket(vertx, idle.webSocketPort()))
                .compose(c -> closedWithin(c.closed(), 5000).map(c))
                .onComplete(ctx.succeeding(c -> ctx.verify(() -> {
                    assertThat(c.webSocket().closeStatusCode()).isEqualTo(WebSocketLink.CLOSE_DROPPED);
                    ctx.completeNow();
                })));
    }
}
