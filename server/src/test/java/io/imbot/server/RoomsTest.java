package io.imbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.protocol.Frame;
import io.vertx.core.Future;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

class RoomsTest extends ServerTestBase {

    private static Future<TestClient> join(TestClient client, String room) {
        return client.send(new Frame.Join(room))
                .compose(v -> client.next())
                .map(answer -> {
                    if (!answer.equals(new Frame.Joined(room))) {
                        throw new AssertionError("expected joined " + room + " but got " + answer);
                    }
                    return client;
                });
    }

    @Test
    void msg_toRoom_fansOutToEveryMemberExceptSender(VertxTestContext ctx) {
        Future<TestClient> alice = loggedIn("alice").compose(c -> join(c, "#lobby"));
        Future<TestClient> bob = alice.compose(a -> loggedIn("bob")).compose(c -> join(c, "#lobby"));
        Future<TestClient> carol = bob.compose(b -> loggedIn("carol")).compose(c -> join(c, "#lobby"));
        carol.compose(c -> alice.result().msg("r-1", "#lobby", BODY))
                .compose(v -> alice.result().next(Frame.Ack.class))
                .compose(ack -> Future.all(bob.result().next(Frame.Msg.class), carol.result().next(Frame.Msg.class)))
                .compose(both -> {
                    Frame.Msg expected = new Frame.Msg("r-1", "alice", "#lobby", BODY, 0);
                    ctx.verify(() -> assertThat((Frame.Msg) both.resultAt(0)).isEqualTo(expected));
                    ctx.verify(() -> assertThat((Frame.Msg) both.resultAt(1)).isEqualTo(expected));
                    return alice.result().sync(); // the sender got its ACK and nothing else
                })
                .compose(v -> verifyStats(ctx, stats -> {
                    assertThat(stats.acceptedMessages()).isEqualTo(1);
                    assertThat(stats.deliveries()).isEqualTo(2);
                }))
                .onFailure(ctx::failNow);
    }

    @Test
    void msg_toRoomByNonMember_rejectedWithRefAndNoAck(VertxTestContext ctx) {
        loggedIn("bob").compose(bob -> join(bob, "#lobby"))
                .compose(bob -> loggedIn("mallory").compose(mallory -> mallory.msg("r-1", "#lobby", BODY)
                        .compose(v -> mallory.next(Frame.Error.class))
                        .compose(error -> {
                            ctx.verify(() -> {
                                assertThat(error.code()).isEqualTo("rejected");
                                assertThat(error.ref()).isEqualTo("r-1");
                            });
                            return mallory.sync(); // no ACK behind the error
                        })
                        .compose(v -> bob.sync()))) // and nothing delivered
                .compose(v -> verifyStats(ctx, stats -> {
                    assertThat(stats.acceptedMessages()).isZero();
                    assertThat(stats.protocolErrors()).isZero();
                }))
                .onFailure(ctx::failNow);
    }

    @Test
    void leave_thenMsgToRoom_answersLeftThenRejects(VertxTestContext ctx) {
        loggedIn("alice").compose(alice -> join(alice, "#lobby")
                        .compose(a -> alice.send(new Frame.Leave("#lobby")))
                        .compose(v -> alice.next())
                        .compose(left -> {
                            ctx.verify(() -> assertThat(left).isEqualTo(new Frame.Left("#lobby")));
                            return alice.msg("r-1", "#lobby", BODY);
                        })
                        .compose(v -> alice.next(Frame.Error.class)))
                .onComplete(ctx.succeeding(error -> ctx.verify(() -> {
                    assertThat(error.code()).isEqualTo("rejected");
                    ctx.completeNow();
                })));
    }

    @Test
    void msg_toRoomWithOfflineMember_queuedUntilItLogsIn(VertxTestContext ctx) {
        loggedIn("carol").compose(carol -> join(carol, "#lobby")).compose(TestClient::close)
                .compose(v -> loggedIn("alice"))
                .compose(alice -> join(alice, "#lobby"))
                .compose(alice -> alice.msg("r-1", "#lobby", BODY).compose(v -> alice.next(Frame.Ack.class)))
                .compose(ack -> loggedIn("carol")) // membership survived the disconnect
                .compose(carol -> carol.next(Frame.Msg.class))
                .onComplete(ctx.succeeding(msg -> ctx.verify(() -> {
                    assertThat(msg).isEqualTo(new Frame.Msg("r-1", "alice", "#lobby", BODY, 0));
                    ctx.completeNow();
                })));
    }
}
