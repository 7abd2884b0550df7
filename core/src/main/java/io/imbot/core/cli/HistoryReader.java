package io.imbot.core.cli;

import io.imbot.core.config.ImbotConfig;
import io.imbot.core.history.JdbcMessageStore;
import io.imbot.core.history.MessageStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * How the read-only history commands get their answer: from the running daemon's admin API (the
 * daemon holds the database open), or, when no daemon answers and the database is a file, from
 * that file directly.
 */
final class HistoryReader {

    private static final String FILE_URL = "jdbc:hsqldb:file:";

    /** A question for the running daemon. */
    interface DaemonQuery<T> {
        T ask(AdminClient admin) throws AdminClient.AdminException, InterruptedException;
    }

    private HistoryReader() {}

    /**
     * Asks the daemon; when nothing answers and the database file exists, opens the file (briefly
     * holding its lock), runs {@code fromStore} on it and closes it again.
     *
     * @throws AdminClient.AdminException when the daemon answered with an error, or nothing
     *     answered and there is no database file to read, or the file cannot be read
     */
    static <T> T read(ImbotConfig cfg, DaemonQuery<T> fromDaemon, Function<MessageStore, Future<T>> fromStore) throws Exception {
        try {
            return fromDaemon.ask(new AdminClient(cfg));
        } catch (AdminClient.AdminException e) {
            if (!e.unreachable || !hasDatabaseFile(cfg)) {
                throw e;
            }
            return fromFile(cfg, fromStore);
        }
    }

    private static boolean hasDatabaseFile(ImbotConfig cfg) {
        String url = cfg.database().url();
        if (!url.startsWith(FILE_URL)) {
            return false;
        }
        String path = url.substring(FILE_URL.length()).split(";", 2)[0];
        return Files.isRegularFile(Path.of(path + ".script"));
    }

    private static <T> T fromFile(ImbotConfig cfg, Function<MessageStore, Future<T>> fromStore) throws Exception {
        System.err.println("imbot: the daemon is not running; reading " + cfg.database().url().substring(FILE_URL.length()) + " directly");
        Vertx vertx = Vertx.vertx();
        try {
            JdbcMessageStore store = JdbcMessageStore.open(vertx, cfg.database().url(), cfg.bot().user(), Duration.ofSeconds(2))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            try {
                return fromStore.apply(store).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } finally {
                store.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            throw new AdminClient.AdminException("cannot read the history: " + e.getCause().getMessage(), false);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
