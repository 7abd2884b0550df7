package io.imbot.bench;

import io.imbot.core.history.JdbcMessageStore;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;

/**
 * The database baseline: plain JDBC inserts of the same rows the daemon stores (same schema, same
 * columns, same body), in durable batches (one synced COMMIT per batch), into a fresh file database
 * with the daemon's settings. No pool, no event loop, no status updates.
 */
final class PlainInserts {

    private PlainInserts() {}

    /** Creates a fresh database with the daemon's schema and settings; returns its JDBC URL. */
    static String freshDatabase(Vertx vertx, Path dir, String user) throws Exception {
        String url = "jdbc:hsqldb:file:" + dir.resolve("imbot");
        JdbcMessageStore store = JdbcMessageStore.open(vertx, url, user, Duration.ofSeconds(5)).toCompletionStage().toCompletableFuture().get();
        store.close().toCompletionStage().toCompletableFuture().get();
        return url;
    }

    /** Rows per second over {@code seconds} of batches of {@code batch} rows, each batch committed durably. */
    static double rowsPerSecond(Vertx vertx, int batch, double seconds) throws Exception {
        Path dir = Env.tempDir("plain-");
        try {
            String url = freshDatabase(vertx, dir, "plain");
            try (Connection c = DriverManager.getConnection(url, "SA", "")) {
                c.setAutoCommit(false);
                long rows = 0;
                long seq = 1;
                long t0 = System.nanoTime();
                long end = t0 + (long) (seconds * 1e9);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO messages"
                        + " (seq, direction, id, conversation, sender, recipient, body, created_at, stored_at, status, attempts)"
                        + " VALUES (?, 'O', ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0)")) {
                    while (System.nanoTime() < end) {
                        long now = System.currentTimeMillis();
                        for (int i = 0; i < batch; i++, seq++) {
                            ps.setLong(1, seq);
                            ps.setString(2, "plainid00000-" + Long.toString(seq, 36));
                            ps.setString(3, "#sink-plain");
                            ps.setString(4, "plain");
                            ps.setString(5, "#sink-plain");
                            ps.setString(6, Payload.BODY);
                            ps.setLong(7, now);
                            ps.setLong(8, now);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                        c.commit();
                        rows += batch;
                    }
                }
                double elapsed = (System.nanoTime() - t0) / 1e9;
                try (var s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
                return rows / elapsed;
            }
        } finally {
            Env.deleteTree(dir);
        }
    }
}
