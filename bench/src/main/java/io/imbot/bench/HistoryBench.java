package io.imbot.bench;

import io.imbot.core.history.JdbcMessageStore;
import io.imbot.core.history.MessageRecord;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Part 5: how fast the history stores inbound messages (durably, through {@link JdbcMessageStore}),
 * and how fast it answers "latest 50 of a conversation" with many rows stored, against the same
 * query through plain JDBC.
 */
final class HistoryBench implements AutoCloseable {

    static final int CONVERSATIONS = 1000;

    private final Vertx vertx;
    private final Options o;
    private final Samples s;
    private Path bigDir;
    private String bigUrl;

    HistoryBench(Vertx vertx, Options o, Samples s) {
        this.vertx = vertx;
        this.o = o;
        this.s = s;
    }

    int rows() {
        return o.quick() ? 20_000 : 1_000_000;
    }

    void runOnce() throws Exception {
        storedRate();
        if (bigUrl == null) {
            fill();
        }
        latest();
    }

    /** Inbound saves through the store's group commit, 5,000 outstanding. */
    private void storedRate() throws Exception {
        Path dir = Env.tempDir("hist-");
        try {
            String url = "jdbc:hsqldb:file:" + dir.resolve("imbot");
            JdbcMessageStore store = JdbcMessageStore.open(vertx, url, "bot", Duration.ofSeconds(5)).toCompletionStage().toCompletableFuture().get();
            Context ctx = vertx.getOrCreateContext();
            long[] n = {0};
            Load.Target t = (seq, done) -> {
                long i = n[0]++;
                store.saveInbound(MessageRecord.inbound("in-" + Long.toString(i, 36), "user" + (i % CONVERSATIONS), "bot", Payload.BODY,
                        System.currentTimeMillis())).onComplete(ar -> done.ended(ar.succeeded()));
            };
            Load.Result r = Load.closedLoop(ctx, t, 5000, o.warmup(), o.measure());
            s.add("history.stored", r.rate());
            store.close().toCompletionStage().toCompletableFuture().get();
        } finally {
            Env.deleteTree(dir);
        }
    }

    /** Builds the big database once per suite run: round-robin over the conversations, as chats interleave. */
    private void fill() throws Exception {
        bigDir = Env.tempDir("big-");
        bigUrl = PlainInserts.freshDatabase(vertx, bigDir, "bot");
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(bigUrl, "SA", "")) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET FILES WRITE DELAY TRUE"); // loading only; the store turns durability back on at open
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO messages"
                    + " (seq, direction, id, conversation, sender, recipient, body, created_at, stored_at, status, attempts)"
                    + " VALUES (?, 'I', ?, ?, ?, 'bot', ?, ?, ?, 'RECEIVED', 0)")) {
                long now = System.currentTimeMillis();
                for (int i = 1; i <= rows(); i++) {
                    String user = "user" + (i % CONVERSATIONS);
                    ps.setLong(1, i);
                    ps.setString(2, "in-" + Integer.toString(i, 36));
                    ps.setString(3, user);
                    ps.setString(4, user);
                    ps.setString(5, Payload.BODY);
                    ps.setLong(6, now);
                    ps.setLong(7, now);
                    ps.addBatch();
                    if (i % 10_000 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                if (rows() % 10_000 != 0) {
                    ps.executeBatch();
                }
                c.commit();
            }
            try (Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            }
        }
        if (o.verbose()) {
            System.err.printf("  filled %d rows in %.1f s%n", rows(), (System.nanoTime() - t0) / 1e9);
        }
    }

    private void latest() throws Exception {
        int queries = o.quick() ? 200 : 2000;
        JdbcMessageStore store = JdbcMessageStore.open(vertx, bigUrl, "bot", Duration.ofSeconds(5)).toCompletionStage().toCompletableFuture().get();
        Histogram viaStore = Load.histogram();
        SplittableRandom random = new SplittableRandom(42);
        try {
            for (int i = 0; i < queries; i++) {
                String conv = "user" + random.nextInt(CONVERSATIONS);
                long t0 = System.nanoTime();
                int got = store.latest(conv, 50).toCompletionStage().toCompletableFuture().get().size();
                viaStore.recordValue(System.nanoTime() - t0);
                if (got != 50 && rows() >= 50 * CONVERSATIONS) {
                    throw new IllegalStateException("latest 50 of " + conv + " returned " + got + " rows");
                }
            }
        } finally {
            store.close().toCompletionStage().toCompletableFuture().get();
        }
        Histogram plain = Load.histogram();
        try (Connection c = DriverManager.getConnection(bigUrl, "SA", "");
                PreparedStatement ps = c.prepareStatement("SELECT seq, direction, id, conversation, sender, recipient, body, created_at,"
                        + " status, attempts FROM messages WHERE conversation = ? ORDER BY seq DESC LIMIT ?")) {
            for (int i = 0; i < queries; i++) {
                String conv = "user" + random.nextInt(CONVERSATIONS);
                long t0 = System.nanoTime();
                ps.setString(1, conv);
                ps.setInt(2, 50);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(7);
                    }
                }
                plain.recordValue(System.nanoTime() - t0);
            }
            try (Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            }
        }
        for (String[] kv : new String[][] {{"history.latest", null}, {"history.latestPlain", null}}) {
            Histogram h = kv[0].endsWith("Plain") ? plain : viaStore;
            s.add(kv[0] + ".p50", h.getValueAtPercentile(50) / 1e6);
            s.add(kv[0] + ".p99", h.getValueAtPercentile(99) / 1e6);
            s.add(kv[0] + ".p999", h.getValueAtPercentile(99.9) / 1e6);
        }
    }

    @Override
    public void close() {
        Env.deleteTree(bigDir);
    }
}
