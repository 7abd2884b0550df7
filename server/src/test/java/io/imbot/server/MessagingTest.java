package io.imbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.protocol.Frame;
import io.vertx.core.Future;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

class MessagingTest extends ServerTestBase {

    @Test
    void msg_toOnlineUser_ackedAndDeliveredWithSenderStamped(VertxTestContext ctx) {
        loggedIn("alice").compose(alice -> loggedIn("bob").compose(bob ->
                // a forged 'from' is overwritten with the authenticated sender
                alice.send(new Frame.Msg("m-1", "mallory", "bob", BODY, 42))
                        .compose(v -> alice.next())
                        .compose(ack -> bob.next().map(delivered -> {
                            ctx.verify(() -> {
                                assertThat(ack).isEqualTo(new Frame.Ack("m-1"));
                                assertThat(delivered).isEqualTo(new Frame.Msg("m-1", "alice", "bob", BODY, 42));
                            });
                            return v0();
                        }))))
                .compose(v -> verifyStats(ctx, stats -> {
                    assertThat(stats.acceptedMessages()).isEqualTo(1);
                    assertThat(stats.acksSent()).isEqualTo(1);
                    assertThat(stats.deliveries()).isEqualTo(1);
                    assertThat(stats.queuedMessages()).isEqualTo(1); // bob has not acked
                    assertThat(stats.loggedInUsers()).isEqualTo(2);
                    assertThat(stats.connections()).isEqualTo(2);
                }))
                .onFailure(ctx::failNow);
    }

    @Test
    void msg_retransmittedId_ackedTwiceDeliveredOnce(VertxTestContext ctx) {
        loggedIn("alice").compose(alice -> loggedIn("bob").compose(bob -> alice.msg("m-1", "bob", BODY)
                        .compose(v -> alice.next(Frame.Ack.class))
                        .compose(v -> alice.msg("m-1", "bob", BODY))
                        .compose(v -> alice.next(Frame.Ack.class))
                        .compose(ack -> bob.next(Frame.Msg.class))
                        .compose(first -> bob.sync()) // nothing but the pong after the one delivery
                        .compose(v -> server.acceptedIds("alice"))
                        .map(ids -> {
                            ctx.verify(() -> assertThat(ids).containsExactly("m-1"));
                            return v0();
                        })))
                .compose(v -> verifyStats(ctx, stats -> {
                    assertThat(stats.acceptedMessages()).isEqualTo(1);
                    assertThat(stats.duplicateMessages()).isEqualTo(1);
                    assertThat(stats.acksSent()).isEqualTo(2);
                    assertThat(stats.deliveries()).isEqualTo(1);
                }))
                .onFailure(ctx::failNow);
    }

    @Test
    void login_withQueuedMessages_deliversThemInOrder(VertxTestContext ctx) {
        loggedIn("alice").compose(alice -> alice.msg("m-1", "bob", "one")
                        .compose(v -> alice.msg("m-2", "bob", "two"))
                        .compose(v -> alice.msg("m-3", "bob", "three"))
                        .compose(v -> alice.next(Frame.Ack.class))
                        .compose(v -> alice.next(Frame.Ack.class))
                        .compose(v -> alice.next(Frame.Ack.class)))
                .compose(v -> server.stats())
                .compose(stats -> {
                    ctx.verify(() -> assertThat(stats.queuedMessages()).isEqualTo(3));
                    return loggedIn("bob");
                })
                .compose(bob -> bob.next(Frame.Msg.class).compose(m1 -> bob.next(Frame.Msg.class)
                        .compose(m2 -> bob.next(Frame.Msg.class).map(m3 -> {
                            ctx.verify(() -> assertThat(java.util.List.of(m1.body(), m2.body(), m3.body()))
                                    .containsExactly("one", "two", "three"));
                            return v0();
                        }))))
                .compose(v -> verifyStats(ctx, stats -> assertThat(stats.redeliveries()).isZero()))
                .onFailure(ctx::failNow);
    }

    @Test
    void login_afterLeavingMessagesUnacked_redeliversOnlyUnackedInOrder(VertxTestContext ctx) {
        loggedIn("alice").compose(alice -> alice.msg("m-1", "bob", "one")
                        .compose(v -> alice.msg("m-2", "bob", "two"))
                        .compose(v -> alice.next(Frame.Ack.class))
                        .compose(v -> alice.next(Frame.Ack.class)))
                // first visit: bob reads both and acks neither
                .compose(v -> loggedIn("bob"))
                .compose(bob -> bob.next(Frame.Msg.class).compose(m -> bob.next(Frame.Msg.class))
                        .compose(m -> bob.close()))
                // second visit: both again, in order; bob acks only the first
                .compose(v -> loggedIn("bob"))
                .compose(bob -> bob.next(Frame.Msg.class).compose(m1 -> bob.next(Frame.Msg.class).compose(m2 -> {
                    ctx.verify(() -> assertThat(java.util.List.of(m1.id(), m2.id())).containsExactly("m-1", "m-2"));
                    return bob.send(new Frame.Ack("m-1"));
                }).compose(v -> bob.sync()).compose(v -> bob.close())))
                // third visit: only the unacked one
                .compose(v -> loggedIn("bob"))
                .compose(bob -> bob.next(Frame.Msg.class).compose(m2 -> {
                    ctx.verify(() -> assertThat(m2.id()).isEqualTo("m-2"));
                    return bob.sync();
                }))
                .compose(v -> verifyStats(ctx, stats -> {
                    assertThat(stats.deliveries()).isEqualTo(5);
                    assertThat(stats.redeliveries()).isEqualTo(3);
                    assertThat(stats.queuedMessages()).isEqualTo(1);
                }))
                .onFailure(ctx::failNow);
    }

    @Test
    void ack_fromRecipient_emptiesItsQueue(VertxTestContext ctx) {
        loggedIn("alice").compose(alice -> loggedIn("bob").compose(bob -> alice.msg("m-1", "bob", BODY)
                        .compose(v -> bob.next(Frame.Msg.class))
                        .compose(m -> bob.send(new Frame.Ack(m.id())))
                        .compose(v -> bob.send(new Frame.Ack("never-sent"))) // harmless
                        .compose(v -> bob.sync())))
                .compose(v -> verifyStats(ctx, stats -> assertThat(stats.queuedMessages()).isZero()))
                .onFailure(ctx::failNow);
    }

    @Test
    void msg_toSelf_deliveredBackToSender(VertxTestContext ctx) {
        loggedIn("alice").compose(alice -> alice.msg("m-1", "alice", BODY)
                        .compose(v -> Future.all(alice.next(), alice.next()))
                        .map(both -> {
                            ctx.verify(() -> assertThat(java.util.List.of(both.resultAt(0), both.resultAt(1)))
                                    .containsExactlyInAnyOrder(
                                            new Frame.Ack("m-1"), new Frame.Msg("m-1", "alice", "alice", BODY, 0)));
                            ctx.completeNow();
                            return v0();
                        }))
                .onFailure(ctx::failNow);
    }

    @Test
    void msg_sameIdFromTwoSendersPendingForOneRecipient_secondRejected(VertxTestContext ctx) {
        loggedIn("alice").compose(alice -> loggedIn("carol").compose(carol -> alice.msg("same", "bob", BODY)
                        .compose(v -> alice.next(Frame.Ack.class))
                        .compose(v -> carol.msg("same", "bob", BODY))
                        .compose(v -> carol.next(Frame.Error.class))
                        .map(error -> {
                            ctx.verify(() -> {
                                assertThat(error.code()).isEqualTo("rejected");
                                assertThat(error.ref()).isEqualTo("same");
                            });
                            return v0();
                        })
                        .compose(v -> carol.sync())))
                .compose(v -> verifyStats(ctx, stats -> assertThat(stats.acceptedMessages()).isEqualTo(1)))
                .onFailure(ctx::failNow);
    }

    @Test
    void msg_beforeLogin_notLoggedInErrorAndConnectionStaysOpen(VertxTestContext ctx) {
        connect().compose(c -> c.msg("m-1", "bob", BODY)
                        .compose(v -> c.next(Frame.Error.class))
                        .compose(error -> {
                            ctx.verify(() -> {
                                assertThat(error.code()).isEqualTo("not_logged_in");
                                assertThat(error.ref()).isEqualTo("m-1");
                            });
                            return c.sync();
                        })
                        .compose(v -> c.login("alice")))
                .compose(v -> verifyStats(ctx, stats -> {
                    assertThat(stats.acceptedMessages()).isZero();
                    assertThat(stats.protocolErrors()).isEqualTo(1);
                }))
                .onFailure(ctx::failNow);
    }

    /** Keeps lambdas that only verify returning a value, for {@code map}. */
    static Void v0() {
        return null;
    }
}
