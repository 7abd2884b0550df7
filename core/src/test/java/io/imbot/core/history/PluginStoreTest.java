package io.imbot.core.history;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imbot.api.KeyValueStore;
import io.imbot.core.testing.TestStores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Each plugin's key-value store in the history database: atomic, separate per plugin, durable. */
@ExtendWith(VertxExtension.class)
class PluginStoreTest {

    private static <T> T done(java.util.concurrent.CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get();
    }

    @Test
    void addFromManyThreadsAtOnce_noUpdateLost_pluginsApart(Vertx vertx) throws Exception {
        JdbcMessageStore store = await(TestStores.inMemory(vertx, "bot"));
        KeyValueStore dice = store.pluginStore("dice");
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Long>> adds = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                adds.add(CompletableFuture.supplyAsync(() -> dice.add("rolls/alice", 1), threads)
                        .thenCompose(stage -> stage.toCompletableFuture()));
            }
            CompletableFuture.allOf(adds.toArray(CompletableFuture[]::new)).get();
            assertThat(adds.stream().map(CompletableFuture::join).distinct().count()).as("each add saw its own sum").isEqualTo(200);
        } finally {
            threads.shutdown();
        }

        assertThat(done(dice.get("rolls/alice"))).contains("200");
        assertThat(done(store.pluginStore("other").get("rolls/alice"))).as("another plugin's keys are its own").isEmpty();
        assertThat(store.pluginStore("dice")).as("one store per plugin").isSameAs(dice);
    }

    @Test
    void entries_prefixWithLikeWildcards_matchedLiterally(Vertx vertx) throws Exception {
        KeyValueStore s = await(TestStores.inMemory(vertx, "bot")).pluginStore("p");
        for (String k : List.of("a_b/1", "axb/2", "a%c/3", "a_b/4")) {
            done(s.put(k, k));
        }

        assertThat(done(s.entries("a_b/", 10))).containsExactly(Map.entry("a_b/1", "a_b/1"), Map.entry("a_b/4", "a_b/4"));
        assertThat(done(s.entries("a%", 10))).containsOnlyKeys("a%c/3");
        assertThatThrownBy(() -> done(s.put("k", null))).hasCauseInstanceOf(NullPointerException.class);
    }

    @Test
    void put_survivesReopeningTheFileDatabase(Vertx vertx, @TempDir Path dir) throws Exception {
        String url = "jdbc:hsqldb:file:" + dir.resolve("imbot");
        JdbcMessageStore first = await(JdbcMessageStore.open(vertx, url, "bot", Duration.ofSeconds(10)));
        done(first.pluginStore("dice").put("max", "12"));
        done(first.pluginStore("dice").add("rolls", 3));
        await(first.close());

        JdbcMessageStore second = await(JdbcMessageStore.open(vertx, url, "bot", Duration.ofSeconds(10)));
        try {
            assertThat(done(second.pluginStore("dice").get("max"))).contains("12");
            assertThat(done(second.pluginStore("dice").add("rolls", 1))).isEqualTo(4);
        } finally {
            await(second.close());
        }
    }
}
