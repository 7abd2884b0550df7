package io.imbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.protocol.Frame;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

class FaultsTest extends ServerTestBase {

    /** How long a silent server must stay silent; loopback answers take well under a millisecond. */
    private static final long SILENCE_MILLIS = 200;

    @Test
    void dropAckPercent100_messageAcceptedAndDeliveredButNotAcked(VertxTestContext ctx) {
        server.setFaults(FaultOptions.none().withDropAckPercent(100))
                .compose(v -> loggedIn("alice"))
                .compose(alice -> loggedIn("bob").compose(bob -> alice.msg("m-1", "bob", BODY)
                        .compose(v -> alice.sync()) // the pong comes first: no ACK was written
                        .compose(v -> bob.next(Frame.Msg.class))))
                .compose(v -> server.acceptedIds("alice"))
                .compose(ids -> {
                    ctx.verify(() -> assertThat(ids).containsExactly("m-1"));
                    return verifyStats(ctx, stats -> {
                        assertThat(stats.acceptedMessages()).isEqualTo(1);
                        assertThat(stats.acksSent()).isZero();
                        assertThat(stats.acksDropped()).isEqualTo(1);
                    });
                })
                .onFailure(ctx::failNow);
    }

    @Test
    void withholdAcks_retransmissionAlsoUnackedUntilFaultCleared(VertxTestContext ctx) {
        server.setFaults(FaultOptions.none().withWithholdAcks(true))
                .compose(v -> loggedIn("alice"))
                .compose(alice -> alice.msg("m-1", "bob", BODY)
                        .compose(v -> alice.msg("m-1", "bob", BODY))
                        .compose(v -> alice.sync())
                        .compose(v -> server.setFaults(FaultOptions.none()))
                        .compose(v -> alice.msg("m-1", "bob", BODY))
                        .compose(v -> alice.next(Frame.Ack.class)))
                .compose(v -> verifyStats(ctx, stats -> {
                    assertThat(stats.acceptedMessages()).isEqualTo(1);
                    assertThat(stats.duplicateMessages()).isEqualTo(2);
                    assertThat(stats.acksDropped()).isEqualTo(2);
                    assertThat(stats.acksSent()).isEqualTo(1);
                }))
                .onFailure(ctx::failNow);
    }

    @Test
    void ackDelayMillis_ackArrivesAfterLaterPong(VertxTestContext ctx) {
        server.setFaults(FaultOptions.none().withAckDelayMillis(100))
                .compose(v -> loggedIn("alice"))
                .compose(alice -> alice.msg("m-1", "bob", BODY)
                        .compose(v -> alice.sync())
                        .compose(v -> alice.next(Frame.Ack.class)))
                .compose(v -> verifyStats(ctx, stats -> {
                    assertThat(stats.acksDelayed()).isEqualTo(1);
                    assertThat(stats.acksSent()).isEqualTo(1);
                }))
                .onFailure(ctx::failNow);
    }

    @Test
    void silent_pingUnansweredWhileSilentThenAnsweredAfter(VertxTestContext ctx) {
        loggedIn("alice").compose(alice -> server.setFaults(FaultOptions.none().withSilent(true))
                        .compose(v -> alice.send(new Frame.Ping()))
                        .compose(v -> alice.msg("m-1", "bob", BODY))
                        .compose(v -> after(SILENCE_MILLIS))
                        .compose(v -> {
                            ctx.verify(() -> assertThat(alice.all()).containsExactly(new Frame.LoginOk("alice")));
                            return server.setFaults(FaultOptions.none());
                        })
                        .compose(v -> alice.sync())) // the connection stayed open
                .compose(v -> verifyStats(ctx, stats -> {
                    assertThat(stats.acceptedMessages()).isZero(); // discarded, not accepted
                    assertThat(stats.connections()).isEqualTo(1);
                }))
                .onFailure(ctx::failNow);
    }

    @Test
    void duplicateDeliveries3_recipientGetsEachMessageThreeTimes(VertxTestContext ctx) {
        Frame.Msg expected = new Frame.Msg("m-1", "alice", "bob", BODY, 0);
        server.setFaults(FaultOptions.none().withDuplicateDeliveries(3))
                .compose(v -> loggedIn("alice"))
                .compose(alice -> loggedIn("bob").compose(bob -> alice.msg("m-1", "bob", BODY)
                        .compose(v -> Future.all(bob.next(), bob.next(), bob.next()))
                        .compose(three -> {
                            ctx.verify(() -> assertThat(three.<Frame>list()).containsOnly(expected).hasSize(3));
                            return bob.sync(); // exactly three
                        })))
                .compose(v -> verifyStats(ctx, stats -> {
                    assertThat(stats.deliveries()).isEqualTo(3);
                    assertThat(stats.acceptedMessages()).isEqualTo(1);
                }))
                .onFailure(ctx::failNow);
    }

    @Test
    void disconnectAll_closesEveryClientAndUnackedMessagesComeBack(VertxTestContext ctx) {
        Future<TestClient> alice = loggedIn("alice");
        Future<TestClient> bob = alice.compose(a -> loggedIn("bob"));
        bob.compose(b -> alice.result().msg("m-1", "bob", BODY))
                .compose(v -> bob.result().next(Frame.Msg.class))
                .compose(m -> server.disconnectAll())
                .compose(v -> Future.all(alice.result().closed(), bob.result().closed()))
                .compose(v -> loggedIn("bob"))
                .compose(again -> again.next(Frame.Msg.class))
                .compose(m -> {
                    ctx.verify(() -> assertThat(m.id()).isEqualTo("m-1"));
                    return verifyStats(ctx, stats -> {
                        assertThat(stats.connections()).isEqualTo(1);
                        assertThat(stats.redeliveries()).isEqualTo(1);
                    });
                })
                .onFailure(ctx::failNow);
    }

    @Test
    void setFaults_null_failsNamingTheArgument(VertxTestContext ctx) {
        server.setFaults(null).onComplete(ctx.failing(e -> ctx.verify(() -> {
            assertThat(e).isInstanceOf(NullPointerException.class).hasMessageContaining("faults");
            ctx.completeNow();
        })));
    }

    /** Completes after {@code millis} on a Vert.x timer: the way to watch for something that must not happen. */
    private Future<Void> after(long millis) {
        Promise<Void> promise = Promise.promise();
        vertx.setTimer(millis, t -> promise.complete());
        return promise.future();
    }
}
