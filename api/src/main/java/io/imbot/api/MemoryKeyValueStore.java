package io.imbot.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** {@link KeyValueStore#inMemory()}: a sorted map behind one lock. */
final class MemoryKeyValueStore implements KeyValueStore {

    private final NavigableMap<String, String> entries = new TreeMap<>();

    private synchronized <T> CompletionStage<T> run(Supplier<T> operation) {
        try {
            return CompletableFuture.completedFuture(operation.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<Optional<String>> get(String key) {
        return run(() -> {
            KeyValueStore.check(key, null);
            return Optional.ofNullable(entries.get(key));
        });
    }

    @Override
    public CompletionStage<Void> put(String key, String value) {
        return run(() -> {
            KeyValueStore.check(key, Objects.requireNonNull(value, "value"));
            entries.put(key, value);
            return null;
        });
    }

    @Override
    public CompletionStage<Boolean> delete(String key) {
        return run(() -> {
            KeyValueStore.check(key, null);
            return entries.remove(key) != null;
        });
    }

    @Override
    public CompletionStage<Long> add(String key, long delta) {
        return run(() -> {
            KeyValueStore.check(key, null);
            String old = entries.get(key);
            long sum = (old == null ? 0 : KeyValueStore.number(key, old)) + delta;
            entries.put(key, Long.toString(sum));
            return sum;
        });
    }

    @Override
    public CompletionStage<Map<String, String>> entries(String prefix, int limit) {
        return run(() -> {
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : entries.tailMap(prefix, true).entrySet()) {
                if (!e.getKey().startsWith(prefix) || out.size() >= Math.min(limit, MAX_ENTRIES)) {
                    break;
                }
                out.put(e.getKey(), e.getValue());
            }
            return out;
        });
    }
}
