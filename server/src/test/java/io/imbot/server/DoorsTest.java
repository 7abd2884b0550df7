package io.imbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.protocol.Frame;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a connection must do to stay: fit under the connection cap, log in in time, send whole frames. */
class DoorsTest extends ServerTestBase {

    private static final Duration SHORT = Duration.ofMillis(300);

    @Override
    ServerOptions options() {
        return super.options().withMaxConnections(2).withLoginTimeout(SHORT).withIdleTimeout(SHORT);
    }

    /** Calls {@code write} every 50 ms, {@code times} times at most, while {@code client} is open. */
    private void every50ms(TestClient client, int times, Runnable write) {
        AtomicInteger left = new AtomicInteger(times);
        vertx.setPeriodic(50, id -> {
            if (client.closed().isComplete() || left.decrementAndGet() < 0) {
                vertx.cancelTimer(id);
            } else {
                write.run();
            }
        });
    }

    /** Completes when {@code client} is closed; fails if it is still open after {@code millis}. */
    private Future<Void> closedWithin(TestClient client, long millis) {
        Promise<Void> result = Promise.promise();
        long timer = vertx.setTimer(millis, id -> result.tryFail(new AssertionError("still open after " + millis + " ms")));
        client.closed().onComplete(ar -> {
            vertx.cancelTimer(timer);
            result.tryComplete();
        });
        return result.future();
    }

    @Test
    void connect_moreThanMaxConnections_excessClosedAtOnceAndRoomAgainAfterOneLeaves(VertxTestContext ctx) {
        Future<TestClient> first = loggedIn("alice");
        Future<TestClient> second = first.compose(a -> connect()).compose(c -> c.sync().map(c));
        second.compose(b -> connect())
                .compose(third -> closedWithin(third, 2000))
                .compose(v -> second.result().close())
                .compose(v -> Future.<Void>future(p -> vertx.setTimer(50, id -> p.complete()))) // the server sees the close
                .compose(v -> connect()).compose(TestClient::sync)
                .compose(v -> verifyStats(ctx, stats -> {
                    assertThat(stats.connectionsRefused()).isEqualTo(1);
                    assertThat(stats.connections()).isEqualTo(2);
                }))
                .onFailure(ctx::failNow);
    }

    @Test
    void connection_pingingButNeverLoggingIn_refusedAtTheLoginDeadline(VertxTestContext ctx) {
        connect().compose(c -> {
                    every50ms(c, 60, () -> c.send(new Frame.Ping()));
                    return closedWithin(c, 3000).map(c);
                })
                .compose(c -> verifyStats(ctx, stats -> {
                    assertThat(c.all()).last().isEqualTo(new Frame.Error("login_refused", "no login within 300 ms", ""));
                    assertThat(stats.connectionsTimedOut()).isEqualTo(1);
                }))
                .onFailure(ctx::failNow);
    }

    @Test
    void connection_tricklingOneByteOfAFrameEvery50ms_closedAfterIdleTimeout(VertxTestContext ctx) {
        loggedIn("alice").compose(c -> {
                    c.sendRaw(Buffer.buffer().appendInt(1000)); // a frame of 1000 bytes, sent a byte at a time
                    every50ms(c, 60, () -> c.sendRaw(Buffer.buffer().appendByte((byte) ' ')));
                    return closedWithin(c, 3000);
                })
                .compose(v -> verifyStats(ctx, stats -> assertThat(stats.connectionsTimedOut()).isEqualTo(1)))
                .onFailure(ctx::failNow);
    }

    @Test
    void connection_sendingWholeFrames_staysOpenPastIdleTimeout(VertxTestContext ctx) {
        loggedIn("alice").compose(c -> {
                    every50ms(c, 20, () -> c.send(new Frame.Ping()));
                    return Future.<Void>future(p -> vertx.setTimer(1000, id -> p.complete())).map(c);
                })
                .compose(c -> {
                    ctx.verify(() -> assertThat(c.closed().isComplete()).isFalse());
                    return verifyStats(ctx, stats -> assertThat(stats.connectionsTimedOut()).isZero());
                })
                .onFailure(ctx::failNow);
    }

    @Test
    void frame_largerThanPreLoginLimitBeforeLogin_frameTooLargeAndClosed(VertxTestContext ctx) {
        connect().compose(c -> c.sendRaw(Buffer.buffer().appendInt(ServerOptions.PRE_LOGIN_MAX_FRAME_BYTES + 1))
                        .compose(v -> c.next(Frame.Error.class))
                        .compose(error -> {
                            ctx.verify(() -> assertThat(error.code()).isEqualTo("frame_too_large"));
                            return c.closed();
                        }))
                .compose(v -> loggedIn("alice"))
                .compose(alice -> alice.msg("m-1", "bob", "z".repeat(ServerOptions.PRE_LOGIN_MAX_FRAME_BYTES)).compose(v -> alice.next()))
                .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
                    assertThat(answer).as("after login, the full limit").isEqualTo(new Frame.Ack("m-1"));
                    ctx.completeNow();
                })));
    }
}
