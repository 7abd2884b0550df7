package io.imbot.core.history;

import io.imbot.api.KeyValueStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * One plugin's {@link KeyValueStore} in the {@code plugin_store} table, through the store's
 * reader pool; every write is its own durable transaction. The writes of one plugin run one after
 * another, so {@link #add}'s read and write are never split by another write of the plugin.
 */
final class JdbcKeyValueStore implements KeyValueStore {

    private static final String SELECT = "SELECT v FROM plugin_store WHERE plugin = ? AND k = ?";
    private static final String MERGE = "MERGE INTO plugin_store s USING (VALUES (CAST(? AS VARCHAR(128)), CAST(? AS VARCHAR(200)),"
            + " CAST(? AS VARCHAR(65536)), CAST(? AS BIGINT))) AS n(plugin, k, v, updated_at)"
            + " ON s.plugin = n.plugin AND s.k = n.k"
            + " WHEN MATCHED THEN UPDATE SET v = n.v, updated_at = n.updated_at"
            + " WHEN NOT MATCHED THEN INSERT (plugin, k, v, updated_at) VALUES (n.plugin, n.k, n.v, n.updated_at)";
    private static final String DELETE = "DELETE FROM plugin_store WHERE plugin = ? AND k = ?";
    private static final String ENTRIES = "SELECT k, v FROM plugin_store WHERE plugin = ? AND k LIKE ? ESCAPE '\\' ORDER BY k LIMIT ?";

    private final Pool pool;
    private final String plugin;
    private final Clock clock;
    private Future<?> lastWrite = Future.succeededFuture(); // guarded by this

    JdbcKeyValueStore(Pool pool, String plugin, Clock clock) {
        this.pool = pool;
        this.plugin = plugin;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Optional<String>> get(String key) {
        return checked(key, null, () -> read(key)).toCompletionStage();
    }

    @Override
    public CompletionStage<Void> put(String key, String value) {
        if (value == null) {
            return Future.<Void>failedFuture(new NullPointerException("value")).toCompletionStage();
        }
        return checked(key, value, () -> inTurn(() -> write(key, value))).toCompletionStage();
    }

    @Override
    public CompletionStage<Boolean> delete(String key) {
        return checked(key, null, () -> inTurn(() -> pool.preparedQuery(DELETE).execute(Tuple.of(plugin, key))
                .map(rows -> rows.rowCount() > 0))).toCompletionStage();
    }

    @Override
    public CompletionStage<Long> add(String key, long delta) {
        return checked(key, null, () -> inTurn(() -> read(key).compose(old -> {
            long sum = old.map(v -> KeyValueStore.number(key, v)).orElse(0L) + delta;
            return write(key, Long.toString(sum)).map(sum);
        }))).toCompletionStage();
    }

    @Override
    public CompletionStage<Map<String, String>> entries(String prefix, int limit) {
        if (prefix == null) {
            return Future.<Map<String, String>>failedFuture(new NullPointerException("prefix")).toCompletionStage();
        }
        String like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return pool.preparedQuery(ENTRIES).execute(Tuple.of(plugin, like, Math.max(0, Math.min(limit, MAX_ENTRIES))))
                .map(rows -> {
                    Map<String, String> out = new LinkedHashMap<>();
                    for (Row r : rows) {
                        out.put(r.getString(0), r.getString(1));
                    }
                    return out;
                })
                .recover(JdbcKeyValueStore::failed).toCompletionStage();
    }

    private Future<Optional<String>> read(String key) {
        return pool.preparedQuery(SELECT).execute(Tuple.of(plugin, key))
                .map(rows -> rows.size() == 0 ? Optional.<String>empty() : Optional.of(rows.iterator().next().getString(0)))
                .recover(JdbcKeyValueStore::failed);
    }

    private Future<Void> write(String key, String value) {
        return pool.preparedQuery(MERGE).execute(Tuple.of(plugin, key, value, clock.millis())).<Void>mapEmpty()
                .recover(JdbcKeyValueStore::failed);
    }

    /** Runs a write after the plugin's previous one has ended, however it ended. */
    private synchronized <T> Future<T> inTurn(Supplier<Future<T>> write) {
        Future<T> next = lastWrite.transform(ignored -> write.get());
        lastWrite = next;
        return next;
    }

    private static <T> Future<T> checked(String key, String value, Supplier<Future<T>> operation) {
        try {
            KeyValueStore.check(key, value);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        return operation.get();
    }

    private static <T> Future<T> failed(Throwable e) {
        return e instanceof IllegalStateException ? Future.failedFuture(e)
                : Future.failedFuture(new StoreException("the plugin store failed: " + e.getMessage(), e));
    }
}
