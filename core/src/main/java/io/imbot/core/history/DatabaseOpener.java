package io.imbot.core.history;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.hsqldb.jdbc.JDBCDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the HSQLDB database: waits for a lock left by a process that was just killed, migrates the
 * schema, and sets durable commits.
 */
final class DatabaseOpener {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOpener.class);
    private static final long RETRY_MS = 500;

    private final Vertx vertx;
    private final String url;
    private final Duration lockWait;

    DatabaseOpener(Vertx vertx, String url, Duration lockWait) {
        this.vertx = vertx;
        this.url = url;
        this.lockWait = lockWait;
    }

    static JDBCDataSource dataSource(String url) {
        JDBCDataSource ds = new JDBCDataSource();
        ds.setUrl(url);
        ds.setUser("SA");
        ds.setPassword("");
        return ds;
    }

    /** Opens, migrates and configures the database; fails after {@code lockWait} of lock conflicts. */
    Future<JDBCDataSource> open() {
        JDBCDataSource ds = dataSource(url);
        Promise<Void> unlocked = Promise.promise();
        tryOpen(ds, System.nanoTime() + lockWait.toNanos(), unlocked, true);
        return unlocked.future().compose(v -> vertx.executeBlocking(() -> {
            migrate(ds);
            return ds;
        }, false));
    }

    private void tryOpen(JDBCDataSource ds, long deadline, Promise<Void> done, boolean first) {
        vertx.executeBlocking(() -> {
                    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                        // Each COMMIT is synced to disk before it returns: a crash loses no committed row.
                        s.execute("SET FILES WRITE DELAY FALSE");
                        s.execute("SET DATABASE TRANSACTION CONTROL MVCC");
                        s.execute("SET DATABASE DEFAULT TABLE TYPE CACHED");
                    }
                    return null;
                }, false)
                .onSuccess(v -> done.complete())
                .onFailure(e -> {
                    String folderProblem = folderProblem(e);
                    if (folderProblem != null) {
                        done.fail(new StoreException("cannot open database " + url + ": its folder cannot be used (" + folderProblem
                                + "); check that it exists, is a folder, is writable and has free space", e));
                        return;
                    }
                    if (!isLockConflict(e) || System.nanoTime() > deadline) {
                        done.fail(new StoreException("cannot open database " + url + ": " + e.getMessage(), e));
                        return;
                    }
                    if (first) {
                        log.warn("database {} is locked (a previous process may have just died); waiting up to {} s",
                                url, lockWait.toSeconds());
                    }
                    vertx.setTimer(RETRY_MS, id -> tryOpen(ds, deadline, done, false));
                });
    }

    /** File-system reasons HSQLDB reports as a lock failure, which waiting for the lock cannot cure. */
    private static final String[] FOLDER_PROBLEMS = {"Not a directory", "Permission denied", "Read-only file system",
        "No space left on device", "Is a directory"};

    /** The reason when opening failed because of the folder, not because another process holds the lock; else null. */
    private static String folderProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (String problem : FOLDER_PROBLEMS) {
                if (message.contains(problem)) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static boolean isLockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == -451 || String.valueOf(sql.getMessage()).contains("lock"))) {
                return true;
            }
        }
        return false;
    }

    /** The highest V*.sql in db/migration; a test keeps the two in step. */
    static final int LATEST_SCHEMA_VERSION = 6;

    private static void migrate(JDBCDataSource ds) {
        if (schemaVersion(ds) == LATEST_SCHEMA_VERSION) {
            return; // Flyway takes about half a second to start; a current schema needs nothing from it
        }
        Flyway.configure(DatabaseOpener.class.getClassLoader())
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** The schema version Flyway last applied, or -1 when there is none yet. */
    static int schemaVersion(JDBCDataSource ds) {
        String sql = "SELECT MAX(CAST(\"version\" AS INTEGER)) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE";
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            return rs.next() && rs.getObject(1) != null ? rs.getInt(1) : -1;
        } catch (SQLException e) {
            return -1; // no history table: a new database
        }
    }

    /** Checkpoints and closes the database files; the next open needs no recovery. */
    static void shutdown(JDBCDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }
}
