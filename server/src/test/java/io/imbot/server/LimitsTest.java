package io.imbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.protocol.Frame;
import io.vertx.core.Future;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

class LimitsTest extends ServerTestBase {

    @Override
    ServerOptions options() {
        return super.options().withDeliveryWindow(2).withOfflineQueueLimit(3).withDedupCapacity(2);
    }

    private static Future<Void> sendAcked(TestClient sender, String to, String... ids) {
        Future<Void> chain = Future.succeededFuture();
        for (String id : ids) {
            chain = chain.compose(v -> sender.msg(id, to, BODY)).compose(v -> sender.next(Frame.Ack.class)).mapEmpty();
        }
        return chain;
    }

    @Test
    void deliveryWindow_full_holdsNextMessageUntilRecipientAcks(VertxTestContext ctx) {
        loggedIn("alice").compose(alice -> loggedIn("bob").compose(bob -> sendAcked(alice, "bob", "m-1", "m-2", "m-3")
                .compose(v -> bob.next(Frame.Msg.class))
                .compose(m -> bob.next(Frame.Msg.class))
                .compose(m -> bob.sync()) // m-3 is held back by the window of 2
                .compose(v -> bob.send(new Frame.Ack("m-1")))
                .compose(v -> bob.next(Frame.Msg.class))))
                .onComplete(ctx.succeeding(third -> ctx.verify(() -> {
                    assertThat(third.id()).isEqualTo("m-3");
                    ctx.completeNow();
                })));
    }

    @Test
    void offlineQueueLimit_reached_refusesBusyWithRefAndNoAck(VertxTestContext ctx) {
        loggedIn("alice").compose(alice -> sendAcked(alice, "bob", "m-1", "m-2", "m-3")
                        .compose(v -> alice.msg("m-4", "bob", BODY))
                        .compose(v -> alice.next(Frame.Error.class))
                        .compose(error -> {
                            ctx.verify(() -> {
                                assertThat(error.code()).isEqualTo("busy");
                                assertThat(error.ref()).isEqualTo("m-4");
                            });
                            return alice.sync(); // no ACK follows the refusal
                        }))
                .compose(v -> verifyStats(ctx, stats -> {
                    assertThat(stats.acceptedMessages()).isEqualTo(3);
                    assertThat(stats.queuedMessages()).isEqualTo(3);
                }))
                .onFailure(ctx::failNow);
    }

    @Test
    void dedupCapacity_exceeded_forgetsOldestButPendingRetransmissionStillDeduplicated(VertxTestContext ctx) {
        loggedIn("alice").compose(alice -> sendAcked(alice, "bob", "m-1", "m-2", "m-3")
                        .compose(v -> server.acceptedIds("alice"))
                        .compose(ids -> {
                            ctx.verify(() -> assertThat(ids).containsExactly("m-2", "m-3"));
                            // m-1 is forgotten by the dedup memory but still queued for bob
                            return sendAcked(alice, "bob", "m-1");
                        }))
                .compose(v -> verifyStats(ctx, stats -> {
                    assertThat(stats.acceptedMessages()).isEqualTo(3);
                    assertThat(stats.duplicateMessages()).isEqualTo(1);
                    assertThat(stats.queuedMessages()).isEqualTo(3);
                }))
                .onFailure(ctx::failNow);
    }
}
