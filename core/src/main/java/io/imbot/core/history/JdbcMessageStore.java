package io.imbot.core.history;

import io.imbot.api.DeliveryStatus;
import io.imbot.api.Direction;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hsqldb.jdbc.JDBCDataSource;

/**
 * The message store on HSQLDB. Writes are grouped into durable commits by {@link
 * GroupCommitWriter} on one writer thread; reads run on worker threads, each over its own short
 * JDBC connection (an in-process HSQLDB session: cheap to open, nothing to pool).
 */
public final class JdbcMessageStore implements MessageStore {

    private static final int MAX_LIMIT = 10_000;

    private final Vertx vertx;
    private final JDBCDataSource dataSource;
    private final String self;
    private final GroupCommitWriter writer;
    private boolean closed;

    private JdbcMessageStore(Vertx vertx, JDBCDataSource dataSource, String self, long lastSeq) {
        this.vertx = vertx;
        this.dataSource = dataSource;
        this.self = self;
        this.writer = new GroupCommitWriter(vertx, dataSource, self, lastSeq);
    }

    /**
     * Opens the database at {@code url}, creating or migrating its schema.
     *
     * @param self the bot's user name: the sender of every outbound message
     * @param lockWait how long to wait for a lock left by a process that just died
     * @return the store; fails with {@link StoreException} when the database cannot be opened
     */
    public static Future<JdbcMessageStore> open(Vertx vertx, String url, String self, Duration lockWait) {
        return new DatabaseOpener(vertx, url, lockWait).open().compose(ds -> vertx.executeBlocking(() -> {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(Sql.SELECT_MAX_SEQ)) {
                rs.next();
                return new JdbcMessageStore(vertx, ds, self, rs.getLong(1));
            }
        }, false));
    }

    @Override
    public Future<Void> saveOutbound(MessageRecord message) {
        return writer.saveOutbound(message);
    }

    @Override
    public Future<Boolean> saveInbound(MessageRecord message) {
        return writer.saveInbound(message);
    }

    @Override
    public Future<Void> recordStatus(String id, DeliveryStatus status, int attempts, String reason) {
        return writer.recordStatus(id, status, attempts, reason);
    }

    @Override
    public Future<List<MessageRecord>> loadPending() {
        return query(Sql.SELECT_PENDING, false, ps -> ps.setString(1, self));
    }

    @Override
    public Future<List<MessageRecord>> latest(String conversation, int limit) {
        return query(Sql.SELECT_LATEST_OF_CONVERSATION, true, ps -> {
            ps.setString(1, conversation);
            ps.setInt(2, clamp(limit));
        });
    }

    @Override
    public Future<List<MessageRecord>> latest(int limit) {
        return query(Sql.SELECT_LATEST, true, ps -> ps.setInt(1, clamp(limit)));
    }

    @Override
    public Future<Void> flush() {
        return writer.flush();
    }

    @Override
    public Future<Void> close() {
        if (closed) {
            return Future.succeededFuture();
        }
        closed = true;
        return writer.close().compose(v -> vertx.executeBlocking(() -> {
            DatabaseOpener.shutdown(dataSource);
            return null;
        }, false));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private Future<List<MessageRecord>> query(String sql, boolean newestFirst, Binder binder) {
        return vertx.executeBlocking(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    List<MessageRecord> out = records(rs);
                    if (newestFirst) {
                        Collections.reverse(out);
                    }
                    return out;
                }
            } catch (SQLException e) {
                throw new StoreException("history query failed: " + e.getMessage(), e);
            }
        }, false);
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    private static List<MessageRecord> records(ResultSet r) throws SQLException {
        List<MessageRecord> out = new ArrayList<>();
        while (r.next()) {
            out.add(new MessageRecord(
                    r.getLong(1),
                    "I".equals(r.getString(2)) ? Direction.INBOUND : Direction.OUTBOUND,
                    r.getString(3),
                    r.getString(4),
                    r.getString(5),
                    r.getString(6),
                    r.getString(7),
                    r.getLong(8),
                    DeliveryStatus.valueOf(r.getString(9)),
                    r.getInt(10)));
        }
        return out;
    }
}
