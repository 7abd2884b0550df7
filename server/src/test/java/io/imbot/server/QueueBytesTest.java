package io.imbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.protocol.Frame;
import io.vertx.core.Future;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

/** Queues are bounded in bytes, per recipient and for the whole server, and ACKs give the bytes back. */
class QueueBytesTest extends ServerTestBase {

    /** A message "m-N" from alice to bob or cat counts 2 * (3 + 5 + 3 + 3000) + 160 = 6182 bytes. */
    private static final String BODY_3000 = "x".repeat(3000);

    @Override
    ServerOptions options() {
        return super.options().withMaxFrameBytes(4096).withQueueBytesLimit(20_000).withTotalQueueBytesLimit(30_000);
    }

    /** Sends one message and returns the answer: an ACK or an error. */
    private static Future<Frame> send(TestClient sender, String id, String to) {
        return sender.msg(id, to, BODY_3000).compose(v -> sender.next());
    }

    @Test
    void queueBytesLimit_reachedForOneRecipient_busyWithRefUntilItAcks(VertxTestContext ctx) {
        loggedIn("alice").compose(alice -> send(alice, "m-1", "bob")
                        .compose(a -> send(alice, "m-2", "bob"))
                        .compose(a -> send(alice, "m-3", "bob"))
                        .compose(a -> send(alice, "m-4", "bob"))
                        .compose(refused -> {
                            ctx.verify(() -> {
                                assertThat(refused).isInstanceOf(Frame.Error.class);
                                assertThat(((Frame.Error) refused).code()).isEqualTo("busy");
                                assertThat(((Frame.Error) refused).ref()).isEqualTo("m-4");
                                assertThat(((Frame.Error) refused).text()).contains("queue of 'bob' is full (20000 bytes)");
                            });
                            // bob gets all three, ACKs one; the pong after it proves the server took the ACK
                            return loggedIn("bob").compose(bob -> bob.next(Frame.Msg.class)
                                    .compose(m -> bob.next(Frame.Msg.class)).compose(m -> bob.next(Frame.Msg.class))
                                    .compose(m -> bob.send(new Frame.Ack("m-1")))
                                    .compose(v -> bob.sync()));
                        })
                        .compose(v -> send(alice, "m-4", "bob")))
                .onComplete(ctx.succeeding(retried -> ctx.verify(() -> {
                    assertThat(retried).isEqualTo(new Frame.Ack("m-4"));
                    ctx.completeNow();
                })));
    }

    @Test
    void totalQueueBytesLimit_reachedAcrossRecipients_busyForEveryoneAndStatsCountBytes(VertxTestContext ctx) {
        loggedIn("alice").compose(alice -> send(alice, "m-1", "bob")
                        .compose(a -> send(alice, "m-2", "bob"))
                        .compose(a -> send(alice, "m-3", "bob"))
                        .compose(a -> send(alice, "m-4", "cat"))
                        .compose(a -> send(alice, "m-5", "cat")))
                .compose(refused -> {
                    ctx.verify(() -> assertThat(((Frame.Error) refused).text()).contains("the server's queues are full (30000 bytes)"));
                    return verifyStats(ctx, stats -> {
                        assertThat(stats.acceptedMessages()).isEqualTo(4);
                        assertThat(stats.queuedBytes()).isEqualTo(4 * (2L * (3 + 5 + 3 + 3000) + ServerOptions.MESSAGE_OVERHEAD_BYTES));
                        assertThat(stats.busyRefusals()).isEqualTo(1);
                    });
                })
                .onFailure(ctx::failNow);
    }
}
