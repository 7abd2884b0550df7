package io.imbot.core.testing;

import io.imbot.core.history.JdbcMessageStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.UUID;

/** Real HSQLDB stores for tests: in memory, one database per call. */
public final class TestStores {

    private TestStores() {}

    /** Runs a store call on a Vert.x context, as the message center's calls come from one context. */
    public static <T> Future<T> onContext(Vertx vertx, java.util.function.Supplier<Future<T>> call) {
        io.vertx.core.Promise<T> p = io.vertx.core.Promise.promise();
        vertx.runOnContext(v -> call.get().onComplete(p));
        return p.future();
    }

    /** A fresh in-memory database for {@code self}. */
    public static Future<JdbcMessageStore> inMemory(Vertx vertx, String self) {
        return JdbcMessageStore.open(vertx, "jdbc:hsqldb:mem:test-" + UUID.randomUUID(), self, Duration.ofSeconds(5));
    }
}
