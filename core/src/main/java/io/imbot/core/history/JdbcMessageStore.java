package io.imbot.core.history;

import io.imbot.api.ChatMessage;
import io.imbot.api.Conversation;
import io.imbot.api.DeliveryStatus;
import io.imbot.api.Direction;
import io.imbot.api.KeyValueStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCConnectOptions;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.hsqldb.jdbc.JDBCDataSource;

/**
 * The message store on HSQLDB. Writes are grouped into durable commits by {@link
 * GroupCommitWriter} on one writer thread over plain JDBC (one hand-off per batch: measured twice
 * as fast as the Vert.x JDBC client's hand-off per statement, see docs/BENCHMARKS.md). Reads go
 * through the Vert.x JDBC client's pool.
 *
 * <p>The store opened is the view of the {@value ChatMessage#DEFAULT_CONNECTION} connection; {@link
 * #forConnection} gives the view of another, on the same database with a writer of its own. A view's writes and
 * loads concern its connection; reads of history and conversations see every connection.
 */
public final class JdbcMessageStore implements MessageStore {

    private static final int MAX_LIMIT = 10_000;

    private final Vertx vertx;
    private final JDBCDataSource dataSource;
    private final Pool readers;
    private final String connection;
    private final String self;
    /**
     * This view's writer. Each view has its own, confined to the context that uses the view (a
     * connection's engine): engines on different event loops never share one.
     */
    private final GroupCommitWriter writer;
    private final AtomicLong nextSeq;
    /** The view that opened the database, which alone closes it; {@code null} for that view itself. */
    private final JdbcMessageStore owner;
    /** The views made by {@link #forConnection}; the owner closes their writers before the database. */
    private final List<JdbcMessageStore> views = new CopyOnWriteArrayList<>();
    private boolean closed;
    private final AtomicReference<CommitObserver> commits; // shared with the views: one observer for every writer
    private final Map<String, KeyValueStore> pluginStores = new ConcurrentHashMap<>(); // one per plugin: add() serializes per instance

    private JdbcMessageStore(Vertx vertx, JDBCDataSource dataSource, Pool readers, String self, long lastSeq) {
        this.vertx = vertx;
        this.dataSource = dataSource;
        this.readers = readers;
        this.connection = ChatMessage.DEFAULT_CONNECTION;
        this.self = self;
        this.nextSeq = new AtomicLong(lastSeq + 1);
        this.commits = new AtomicReference<>(CommitObserver.NONE);
        this.writer = new GroupCommitWriter(vertx, dataSource, nextSeq, commits);
        this.owner = null;
    }

    private JdbcMessageStore(JdbcMessageStore owner, String connection, String self) {
        this.vertx = owner.vertx;
        this.dataSource = owner.dataSource;
        this.readers = owner.readers;
        this.connection = connection;
        this.self = self;
        this.nextSeq = owner.nextSeq;
        this.commits = owner.commits;
        this.writer = new GroupCommitWriter(vertx, dataSource, nextSeq, commits);
        this.owner = owner;
    }

    /**
     * The view of the connection {@code name}, whose own user is {@code self}. Closing a view only
     * flushes it; closing the store that {@link #open} returned closes the database.
     */
    public JdbcMessageStore forConnection(String name, String self) {
        JdbcMessageStore root = owner != null ? owner : this;
        JdbcMessageStore view = new JdbcMessageStore(root, name, self);
        root.views.add(view);
        return view;
    }

    /**
     * Opens the database at {@code url}, creating or migrating its schema.
     *
     * @param self the bot's user name: the sender of every outbound message
     * @param lockWait how long to wait for a lock left by a process that just died
     * @return the store; fails with {@link StoreException} when the database cannot be opened
     */
    public static Future<JdbcMessageStore> open(Vertx vertx, String url, String self, Duration lockWait) {
        return new DatabaseOpener(vertx, url, lockWait).open().compose(ds -> {
            // No generated keys: the store never reads them, and HSQLDB has none for queries.
            JDBCConnectOptions connect = new JDBCConnectOptions().setJdbcUrl(url).setUser("SA").setPassword("").setAutoGeneratedKeys(false);
            Pool readers = JDBCPool.pool(vertx, connect, new PoolOptions().setMaxSize(2).setName("imbot-history-" + url));
            return readers.query(Sql.SELECT_MAX_SEQ).execute()
                    .map(rows -> new JdbcMessageStore(vertx, ds, readers, self, rows.iterator().next().getLong(0)))
                    .onFailure(e -> readers.close());
        });
    }

    @Override
    public Future<MessageRecord> saveOutbound(MessageRecord message) {
        return writer.saveOutbound(message.withConnection(connection), false);
    }

    @Override
    public Future<MessageRecord> saveOutboundOnce(MessageRecord message) {
        return writer.saveOutbound(message.withConnection(connection), true);
    }

    @Override
    public Future<Boolean> saveInbound(MessageRecord message) {
        return writer.saveInbound(message.withConnection(connection));
    }

    @Override
    public Future<Void> recordStatus(String id, DeliveryStatus status, int attempts, String reason) {
        return writer.recordStatus(connection, self, id, status, attempts, reason);
    }

    @Override
    public Future<Void> markHandled(String from, String id) {
        return writer.markHandled(connection, from, id);
    }

    @Override
    public Future<List<MessageRecord>> loadUnhandled() {
        return query(Sql.SELECT_UNHANDLED, false, Tuple.of(connection));
    }

    @Override
    public Future<List<MessageRecord>> loadPending() {
        return query(Sql.SELECT_PENDING, false, Tuple.of(connection));
    }

    @Override
    public Future<List<MessageRecord>> latest(String onConnection, String conversation, int limit) {
        return onConnection == null
                ? query(Sql.SELECT_LATEST_OF_CONVERSATION, true, Tuple.of(conversation, clamp(limit)))
                : query(Sql.SELECT_LATEST_OF_CONVERSATION_ON, true, Tuple.of(conversation, onConnection, clamp(limit)));
    }

    @Override
    public Future<List<MessageRecord>> latest(int limit) {
        return query(Sql.SELECT_LATEST, true, Tuple.of(clamp(limit)));
    }

    @Override
    public Future<List<Conversation>> conversations(int limit) {
        return readers.preparedQuery(Sql.SELECT_CONVERSATIONS).execute(Tuple.of(clamp(limit)))
                .map(JdbcMessageStore::conversations)
                .recover(e -> Future.failedFuture(new StoreException("conversations query failed: " + e.getMessage(), e)));
    }

    /** The plugin's rows of {@code plugin_store}, through the reader pool (the writers stay the messages' own). */
    @Override
    public KeyValueStore pluginStore(String pluginId) {
        return pluginStores.computeIfAbsent(pluginId, id -> new JdbcKeyValueStore(readers, id, Clock.systemUTC()));
    }

    /** Tells {@code observer} about every durable commit of this store and its views, from now on. */
    public void observeCommits(CommitObserver observer) {
        commits.set(observer);
    }

    /**
     * HSQLDB's online backup ({@code BACKUP DATABASE ... NOT BLOCKING}): the writers carry on; the
     * archive holds the database as of the statement's start.
     */
    @Override
    public Future<Path> backup(Path dir) {
        Path folder = dir.toAbsolutePath().normalize();
        return vertx.executeBlocking(() -> {
            Files.createDirectories(folder);
            try (var before = Files.list(folder)) {
                return before.toList();
            }
        }, false).compose(existing -> readers.query("BACKUP DATABASE TO '" + folder.toString().replace("'", "''") + "/' NOT BLOCKING")
                .execute()
                .compose(done -> vertx.executeBlocking(() -> newArchive(folder, existing), false)))
                .recover(e -> Future.failedFuture(new StoreException("backup to " + folder + " failed: " + e.getMessage(), e)));
    }

    /** The archive the backup added to {@code folder}. */
    private static Path newArchive(Path folder, List<Path> before) throws java.io.IOException {
        try (var after = Files.list(folder)) {
            return after.filter(p -> p.getFileName().toString().endsWith(".tar.gz") && !before.contains(p)).findFirst()
                    .orElseThrow(() -> new java.io.IOException("the database wrote no new archive in " + folder));
        }
    }

    /**
     * Removes up to {@code batch} of the oldest messages stored before {@code storedBefore}, never
     * one still being sent or not yet handled, nor one stored after those. One short transaction
     * through the reader pool, beside the writers (MVCC: neither waits for the other).
     *
     * @return how many were removed; fewer than {@code batch} means none that old is left
     */
    public Future<Integer> pruneStoredBefore(Instant storedBefore, int batch) {
        return prune(Sql.PRUNE_OLDEST, Tuple.of(batch, storedBefore.toEpochMilli()));
    }

    /** The conversations (connection, name) that ever held more than {@code keep} messages. */
    public Future<List<List<String>>> conversationsOver(int keep) {
        return readers.preparedQuery(Sql.SELECT_CONVERSATIONS_OVER).execute(Tuple.of((long) keep))
                .map(rows -> {
                    List<List<String>> out = new ArrayList<>(rows.size());
                    rows.forEach(r -> out.add(List.of(r.getString(0), r.getString(1))));
                    return out;
                })
                .recover(e -> Future.failedFuture(new StoreException("conversations query failed: " + e.getMessage(), e)));
    }

    /**
     * Removes up to {@code batch} of the oldest messages of one conversation beyond its newest
     * {@code keep}, under the same rule as {@link #pruneStoredBefore}.
     *
     * @return how many were removed
     */
    public Future<Integer> pruneConversation(String connection, String conversation, int keep, int batch) {
        return prune(Sql.PRUNE_CONVERSATION, Tuple.of(conversation, connection, conversation, connection, keep, batch));
    }

    private Future<Integer> prune(String sql, Tuple params) {
        return readers.preparedQuery(sql).execute(params)
                .map(rows -> rows.rowCount())
                .recover(e -> Future.failedFuture(new StoreException("pruning the history failed: " + e.getMessage(), e)));
    }

    @Override
    public Future<Void> flush() {
        return writer.flush();
    }

    @Override
    public Future<Void> close() {
        if (owner != null) {
            return flush();
        }
        if (closed) {
            return Future.succeededFuture();
        }
        closed = true;
        // Called once the views' engines have stopped: their writers take no more work.
        List<Future<Void>> writers = new ArrayList<>();
        views.forEach(v -> writers.add(v.writer.close()));
        writers.add(writer.close());
        return Future.join(writers).mapEmpty()
                .eventually(readers::close)
                .compose(v -> vertx.executeBlocking(() -> {
                    DatabaseOpener.shutdown(dataSource);
                    return null;
                }, false));
    }

    private Future<List<MessageRecord>> query(String sql, boolean newestFirst, Tuple params) {
        return readers.preparedQuery(sql).execute(params)
                .map(rows -> {
                    List<MessageRecord> out = records(rows);
                    if (newestFirst) {
                        Collections.reverse(out);
                    }
                    return out;
                })
                .recover(e -> Future.failedFuture(new StoreException("history query failed: " + e.getMessage(), e)));
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    private static List<Conversation> conversations(RowSet<Row> rows) {
        List<Conversation> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new Conversation(
                    r.getString(0),
                    r.getString(1),
                    "I".equals(r.getString(2)) ? Direction.INBOUND : Direction.OUTBOUND,
                    r.getString(3),
                    r.getString(4),
                    Instant.ofEpochMilli(r.getLong(5)),
                    r.getLong(6),
                    r.getLong(7),
                    r.getString(8)));
        }
        return out;
    }

    private static List<MessageRecord> records(RowSet<Row> rows) {
        List<MessageRecord> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new MessageRecord(
                    r.getLong(0),
                    "I".equals(r.getString(1)) ? Direction.INBOUND : Direction.OUTBOUND,
                    r.getString(2),
                    r.getString(3),
                    r.getString(4),
                    r.getString(5),
                    r.getString(6),
                    r.getLong(7),
                    DeliveryStatus.valueOf(r.getString(8)),
                    r.getInteger(9),
                    r.getString(10)));
        }
        return out;
    }
}
