package io.imbot.core.history;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.ChatMessage;
import io.imbot.api.DeliveryStatus;
import io.imbot.core.delivery.Addresses;
import io.imbot.core.delivery.DeliveryOutcome;
import io.imbot.core.delivery.SendRequest;
import io.imbot.core.testing.Await;
import io.imbot.core.testing.DaemonFixture;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Retention in a running daemon: it prunes while the bot keeps sending, and no send suffers for it. */
@ExtendWith(VertxExtension.class)
class RetentionWhileSendingTest {

    private static final int SENDS = 300;
    private static final int KEEP = 20;

    @TempDir
    Path home;

    @Test
    void keepPerConversation_prunesWhileSending_everySendAcknowledged_theNewestKept(Vertx vertx) throws Exception {
        try (DaemonFixture f = DaemonFixture.start(vertx, home, "imbot.history.keep.perConversation", String.valueOf(KEEP),
                "imbot.history.pruneEvery", "20ms", "imbot.history.pruneBatch", "25")) {
            f.login("alice");
            List<Future<DeliveryOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < SENDS; i++) {
                outcomes.add(vertx.eventBus().<DeliveryOutcome>request(Addresses.SEND, SendRequest.fresh("alice", "m" + i))
                        .map(m -> m.body()));
                if (i % 50 == 49) {
                    await(Future.all(outcomes)); // in waves, so passes of the pruner fall between and during them
                }
            }
            await(Future.all(outcomes));
            Set<String> received = new HashSet<>();
            while (received.size() < SENDS) {
                ChatMessage m = f.nextReply(10);
                received.add(m.body());
            }

            assertThat(outcomes).allSatisfy(o -> assertThat(o.result().status()).isEqualTo(DeliveryStatus.ACKNOWLEDGED));
            await(Await.untilAsync(vertx, 10, () -> f.daemon.history().latest("alice", 1000).map(rows -> rows.size() == KEEP)));
            List<String> kept = await(f.daemon.history().latest("alice", 1000)).stream().map(MessageRecord::body).toList();
            assertThat(kept).as("the newest %d", KEEP).first().isEqualTo("m" + (SENDS - KEEP));
            assertThat(kept).last().isEqualTo("m" + (SENDS - 1));
            Counter pruned = f.daemon.counters().meters().registry().find("imbot.history.pruned").counter();
            assertThat(pruned).isNotNull();
            assertThat(pruned.count()).isEqualTo(SENDS - KEEP);
        }
    }
}
