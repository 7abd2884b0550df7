package io.imbot.core.history;

import static io.imbot.core.testing.Futures.await;
import static io.imbot.core.testing.TestStores.onContext;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.DeliveryStatus;
import io.imbot.core.config.ImbotConfig;
import io.imbot.core.testing.TestStores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code history.keep}: old messages go in small batches; what a restart needs stays. */
@ExtendWith(VertxExtension.class)
class RetentionTest {

    private static final Instant FUTURE = Instant.now().plus(Duration.ofDays(1)); // every stored row is older

    private static List<String> bodies(JdbcMessageStore store, String conversation) {
        return await(store.latest(conversation, 1000)).stream().map(MessageRecord::body).toList();
    }

    private static void store(Vertx vertx, JdbcMessageStore store, String prefix, int n) {
        List<Future<?>> all = new ArrayList<>();
        await(onContext(vertx, () -> {
            for (int i = 0; i < n; i++) {
                all.add(i % 2 == 0 ? store.saveInbound(MessageRecord.inbound(prefix + i, "alice", "bot", prefix + i, i))
                        : store.saveOutbound(MessageRecord.outbound(prefix + i, "bot", "alice", prefix + i, i)));
            }
            return Future.all(all);
        }));
        await(onContext(vertx, () -> {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                done.add(i % 2 == 0 ? store.markHandled("alice", prefix + i)
                        : store.recordStatus(prefix + i, DeliveryStatus.ACKNOWLEDGED, 1, null));
            }
            return Future.all(done);
        }));
        await(onContext(vertx, store::flush));
    }

    @Test
    void pruneStoredBefore_finishedMessages_removedInBatchesOldestFirst(Vertx vertx) {
        JdbcMessageStore store = await(TestStores.inMemory(vertx, "bot"));
        store(vertx, store, "m", 25);

        assertThat(await(store.pruneStoredBefore(FUTURE, 10))).isEqualTo(10);
        assertThat(bodies(store, "alice")).hasSize(15).first().isEqualTo("m10");
        assertThat(await(store.pruneStoredBefore(Instant.EPOCH, 10))).as("none stored that long ago").isZero();
        assertThat(await(store.pruneStoredBefore(FUTURE, 10))).isEqualTo(10);
        assertThat(await(store.pruneStoredBefore(FUTURE, 10))).isEqualTo(5);
        assertThat(bodies(store, "alice")).isEmpty();
    }

    @Test
    void prune_pendingOutboundAndUnhandledInbound_keptWithEverythingAfterThem(Vertx vertx) {
        JdbcMessageStore store = await(TestStores.inMemory(vertx, "bot"));
        store(vertx, store, "old", 6);
        await(onContext(vertx, () -> store.saveOutbound(MessageRecord.outbound("pending", "bot", "alice", "pending", 10))));
        store(vertx, store, "mid", 4);
        await(onContext(vertx, () -> store.saveInbound(MessageRecord.inbound("unhandled", "bob", "bot", "unhandled", 20))));
        await(onContext(vertx, store::flush));

        int removed = await(store.pruneStoredBefore(FUTURE, 100));
        int byCount = await(store.pruneConversation("main", "alice", 1, 100));

        assertThat(removed).as("only the six before the pending message").isEqualTo(6);
        assertThat(byCount).isZero();
        assertThat(bodies(store, "alice")).containsExactly("pending", "mid0", "mid1", "mid2", "mid3");
        assertThat(bodies(store, "bob")).containsExactly("unhandled");
        assertThat(await(store.loadPending())).extracting(MessageRecord::id).containsExactly("pending");
        assertThat(await(store.loadUnhandled())).extracting(MessageRecord::id).containsExactly("unhandled");
    }

    @Test
    void pruneConversation_keepsTheNewestN_otherConversationsUntouched(Vertx vertx) {
        JdbcMessageStore store = await(TestStores.inMemory(vertx, "bot"));
        store(vertx, store, "a", 30);
        await(onContext(vertx, () -> store.saveOutbound(MessageRecord.outbound("r1", "bot", "#room", "room", 1))));
        await(onContext(vertx, () -> store.recordStatus("r1", DeliveryStatus.ACKNOWLEDGED, 1, null)));
        await(onContext(vertx, store::flush));

        assertThat(await(store.conversationsOver(5))).containsExactly(List.of("main", "alice"));
        assertThat(await(store.pruneConversation("main", "alice", 5, 10))).isEqualTo(10);
        assertThat(await(store.pruneConversation("main", "alice", 5, 10))).isEqualTo(10);
        assertThat(await(store.pruneConversation("main", "alice", 5, 10))).isEqualTo(5);

        assertThat(bodies(store, "alice")).containsExactly("a25", "a26", "a27", "a28", "a29");
        assertThat(bodies(store, "#room")).containsExactly("room");
    }

    @Test
    void pruner_onePass_byAgeThenByCount_countsWhatItRemoved(Vertx vertx) {
        JdbcMessageStore store = await(TestStores.inMemory(vertx, "bot"));
        store(vertx, store, "x", 40);
        AtomicInteger counted = new AtomicInteger();
        Clock tomorrow = Clock.fixed(FUTURE, ZoneOffset.UTC);
        HistoryPruner byCount = new HistoryPruner(vertx, store, new ImbotConfig.History(null, 12, Duration.ofMinutes(1), 7), tomorrow,
                counted::addAndGet);

        assertThat(await(onContext(vertx, byCount::runOnce))).isEqualTo(28);
        assertThat(counted).hasValue(28);
        assertThat(bodies(store, "alice")).hasSize(12).first().isEqualTo("x28");

        HistoryPruner byAge = new HistoryPruner(vertx, store, new ImbotConfig.History(Duration.ofHours(1), 0, Duration.ofMinutes(1), 5),
                tomorrow, counted::addAndGet);
        assertThat(await(onContext(vertx, byAge::runOnce))).isEqualTo(12);
        assertThat(bodies(store, "alice")).isEmpty();
    }
}
