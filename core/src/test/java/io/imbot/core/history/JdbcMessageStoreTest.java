package io.imbot.core.history;

import static io.imbot.core.testing.Futures.await;
import static io.imbot.core.testing.TestStores.onContext;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.DeliveryStatus;
import io.imbot.api.Direction;
import io.imbot.core.testing.TestStores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class JdbcMessageStoreTest {


    @Test
    void saveInbound_sameSenderAndIdTwice_storedOnceSecondReportsDuplicate(Vertx vertx) {
        JdbcMessageStore store = await(TestStores.inMemory(vertx, "bot"));
        MessageRecord m = MessageRecord.inbound("x1", "alice", "bot", "hi", 1L);

        boolean first = await(onContext(vertx, () -> store.saveInbound(m)));
        boolean second = await(onContext(vertx, () -> store.saveInbound(m)));
        boolean otherSender = await(onContext(vertx, () -> store.saveInbound(MessageRecord.inbound("x1", "bob", "bot", "hi", 1L))));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(otherSender).isTrue();
        assertThat(await(store.latest("alice", 10))).hasSize(1);
    }

    @Test
    void saveInbound_duplicatesInsideOneBatch_onlyFirstIsNew(Vertx vertx) {
        JdbcMessageStore store = await(TestStores.inMemory(vertx, "bot"));
        List<Future<Boolean>> results = await(onContext(vertx, () -> {
            List<Future<Boolean>> all = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                all.add(store.saveInbound(MessageRecord.inbound("same", "alice", "bot", "hi", 1L)));
            }
            return Future.succeededFuture(all);
        }));
        List<Boolean> isNew = results.stream().map(f -> await(f)).toList();
        assertThat(isNew).containsExactly(true, false, false, false);
    }

    @Test
    void loadPending_afterStatusUpdates_returnsOnlyUnfinishedInOrder(Vertx vertx) {
        JdbcMessageStore store = await(TestStores.inMemory(vertx, "bot"));
        await(onContext(vertx, () -> Future.all(
                store.saveOutbound(MessageRecord.outbound("o1", "bot", "alice", "one", 1L)),
                store.saveOutbound(MessageRecord.outbound("o2", "bot", "alice", "two", 2L)),
                store.saveOutbound(MessageRecord.outbound("o3", "bot", "#room", "three", 3L)))));
        await(onContext(vertx, () -> store.recordStatus("o2", DeliveryStatus.ACKNOWLEDGED, 1, null)));

        List<MessageRecord> pending = await(store.loadPending());

        assertThat(pending).extracting(MessageRecord::id).containsExactly("o1", "o3");
        assertThat(pending.get(1).conversation()).isEqualTo("#room");
        assertThat(await(store.latest("alice", 10))).extracting(MessageRecord::status)
                .containsExactly(DeliveryStatus.PENDING, DeliveryStatus.ACKNOWLEDGED);
    }

    @Test
    void latest_moreRowsThanLimit_returnsNewestOldestFirst(Vertx vertx) {
        JdbcMessageStore store = await(TestStores.inMemory(vertx, "bot"));
        await(onContext(vertx, () -> {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                all.add(i % 2 == 0
                        ? store.saveInbound(MessageRecord.inbound("in" + i, "alice", "bot", "m" + i, i))
                        : store.saveOutbound(MessageRecord.outbound("out" + i, "bot", "alice", "m" + i, i)));
            }
            return Future.all(all);
        }));

        List<MessageRecord> last5 = await(store.latest("alice", 5));

        assertThat(last5).extracting(MessageRecord::body).containsExactly("m15", "m16", "m17", "m18", "m19");
        assertThat(last5.get(0).direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(await(store.latest(3))).extracting(MessageRecord::body).containsExactly("m17", "m18", "m19");
    }

    @Test
    void close_thenReopenFileDatabase_keepsEverything(Vertx vertx, @TempDir Path dir) {
        String url = "jdbc:hsqldb:file:" + dir.resolve("db");
        JdbcMessageStore first = await(JdbcMessageStore.open(vertx, url, "bot", Duration.ofSeconds(5)));
        await(onContext(vertx, () -> first.saveOutbound(MessageRecord.outbound("p1", "bot", "alice", "kept", 5L))));
        await(first.close());

        JdbcMessageStore second = await(JdbcMessageStore.open(vertx, url, "bot", Duration.ofSeconds(5)));

        assertThat(await(second.loadPending())).extracting(MessageRecord::body).containsExactly("kept");
        await(second.close());
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // it used to wait the whole lockWait (120 s here), calling the folder "locked"
    void open_folderIsAFile_failsAtOnceNamingTheFolderProblem(Vertx vertx, @TempDir Path dir) throws Exception {
        Path notAFolder = java.nio.file.Files.writeString(dir.resolve("data"), "a file where the data folder should be");

        Throwable failure = JdbcMessageStore.open(vertx, "jdbc:hsqldb:file:" + notAFolder.resolve("imbot"), "bot", Duration.ofSeconds(120))
                .toCompletionStage().toCompletableFuture().handle((store, e) -> e).get();

        assertThat(failure).isInstanceOf(StoreException.class)
                .hasMessageContaining("its folder cannot be used (Not a directory)")
                .hasMessageNotContaining("locked");
    }

    @Test
    void latestSchemaVersion_matchesTheHighestMigrationFile() throws Exception {
        int highest;
        try (var files = java.nio.file.Files.list(Path.of("src/main/resources/db/migration"))) {
            highest = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max().orElse(0);
        }
        assertThat(DatabaseOpener.LATEST_SCHEMA_VERSION).isEqualTo(highest);
    }

    @Test
    void open_reopenedDatabase_schemaStaysAtLatestVersion(Vertx vertx, @TempDir Path dir) {
        String url = "jdbc:hsqldb:file:" + dir.resolve("db");
        await(await(JdbcMessageStore.open(vertx, url, "bot", Duration.ofSeconds(5))).close());

        int version = DatabaseOpener.schemaVersion(DatabaseOpener.dataSource(url + ";shutdown=true"));

        assertThat(version).isEqualTo(DatabaseOpener.LATEST_SCHEMA_VERSION);
        await(await(JdbcMessageStore.open(vertx, url, "bot", Duration.ofSeconds(5))).close());
    }
}
