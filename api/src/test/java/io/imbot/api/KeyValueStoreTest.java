package io.imbot.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The in-memory store: the rules every implementation follows. */
class KeyValueStoreTest {

    private static <T> T done(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get();
    }

    @Test
    void putGetAddDelete_andEntriesByPrefixInKeyOrder() throws Exception {
        KeyValueStore store = KeyValueStore.inMemory();

        done(store.put("user/bob", "b"));
        done(store.put("user/alice", "a"));
        done(store.put("other", "x"));
        assertThat(done(store.get("user/alice"))).contains("a");
        assertThat(done(store.add("count", 2))).isEqualTo(2);
        assertThat(done(store.add("count", -5))).isEqualTo(-3);
        assertThat(done(store.entries("user/", 10))).containsExactly(Map.entry("user/alice", "a"), Map.entry("user/bob", "b"));
        assertThat(done(store.entries("user/", 1))).containsOnlyKeys("user/alice");
        assertThat(done(store.delete("user/bob"))).isTrue();
        assertThat(done(store.delete("user/bob"))).isFalse();
        assertThat(done(store.get("user/bob"))).isEqualTo(Optional.empty());
    }

    @Test
    void badKeysValuesAndAddOnText_failTheStageNamingTheProblem() throws Exception {
        KeyValueStore store = KeyValueStore.inMemory();
        done(store.put("name", "bob"));

        assertThatThrownBy(() -> done(store.get(""))).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class).hasMessageContaining("a key must be 1 to 200 characters");
        assertThatThrownBy(() -> done(store.put("k", "v".repeat(KeyValueStore.MAX_VALUE_CHARS + 1))))
                .hasMessageContaining("a value must be at most 65536 characters");
        assertThatThrownBy(() -> done(store.add("name", 1))).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the value under 'name' is not a whole number");
        assertThat(done(store.get("name"))).as("a failed add changes nothing").contains("bob");
    }
}
