package io.imbot.core.history;

import io.imbot.api.DeliveryStatus;
import io.imbot.api.Direction;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes through one transaction at a time. While a transaction commits, new writes gather in the
 * next batch, so a busy daemon pays one durable commit for many messages and an idle one waits for
 * none. Confined to the owner's context: the pool completes on the context that issued the query.
 */
final class GroupCommitWriter {

    private static final int MAX_BATCH = 2000;
    private static final int PREVIEW_CHARS = 200;

    private final Pool pool;
    private final String self;
    private final ArrayDeque<WriteBatch> waiting = new ArrayDeque<>();
    private boolean writing;
    private Promise<Void> idle;
    /** The next message's place in the history; given in arrival order, so in and out interleave truly. */
    private long nextSeq;

    GroupCommitWriter(Pool pool, String self, long lastSeq) {
        this.pool = pool;
        this.self = self;
        this.nextSeq = lastSeq + 1;
    }

    Future<Void> saveOutbound(MessageRecord m) {
        Promise<Void> done = Promise.promise();
        WriteBatch b = open();
        m = m.withSeq(nextSeq++);
        b.outbound.add(m);
        b.outboundDone.add(done);
        b.arrivals.add(m);
        kick();
        return done.future();
    }

    Future<Boolean> saveInbound(MessageRecord m) {
        Promise<Boolean> done = Promise.promise();
        WriteBatch b = open();
        m = m.withSeq(nextSeq++);
        b.inbound.add(m);
        b.inboundDone.add(done);
        b.arrivals.add(m);
        kick();
        return done.future();
    }

    Future<Void> recordStatus(String id, DeliveryStatus status, int attempts, String reason) {
        Promise<Void> done = Promise.promise();
        WriteBatch b = open();
        b.statuses.add(Tuple.of(status.name(), attempts, System.currentTimeMillis(), reason, self, id));
        b.statusDone.add(done);
        kick();
        return done.future();
    }

    /** Completes when every batch handed over so far has committed (or failed). */
    Future<Void> flush() {
        if (!writing && waiting.isEmpty()) {
            return Future.succeededFuture();
        }
        if (idle == null) {
            idle = Promise.promise();
        }
        return idle.future();
    }

    private WriteBatch open() {
        WriteBatch last = waiting.peekLast();
        if (last == null || last.size() >= MAX_BATCH) {
            last = new WriteBatch();
            waiting.addLast(last);
        }
        return last;
    }

    private void kick() {
        if (!writing) {
            writeNext();
        }
    }

    private void writeNext() {
        WriteBatch b = waiting.pollFirst();
        if (b == null) {
            writing = false;
            if (idle != null) {
                Promise<Void> p = idle;
                idle = null;
                p.complete();
            }
            return;
        }
        writing = true;
        boolean[] isNew = new boolean[b.inbound.size()];
        pool.withTransaction(conn -> write(conn, b, isNew)).onComplete(ar -> {
            if (ar.succeeded()) {
                b.succeed(isNew);
            } else {
                b.fail(ar.cause());
            }
            writeNext();
        });
    }

    private Future<Void> write(SqlConnection conn, WriteBatch b, boolean[] isNew) {
        long now = System.currentTimeMillis();
        Future<?> f = Future.succeededFuture();
        if (!b.outbound.isEmpty()) {
            List<Tuple> rows = new ArrayList<>(b.outbound.size());
            for (MessageRecord m : b.outbound) {
                rows.add(Tuple.of(m.seq(), m.id(), m.conversation(), m.from(), m.to(), m.body(), m.createdAt(), now));
            }
            f = conn.preparedQuery(Sql.INSERT_OUTBOUND).executeBatch(rows);
        }
        if (!b.inbound.isEmpty()) {
            List<Tuple> rows = new ArrayList<>(b.inbound.size());
            for (MessageRecord m : b.inbound) {
                rows.add(Tuple.of(m.seq(), m.id(), m.conversation(), m.from(), m.to(), m.body(), m.createdAt(), now));
            }
            f = f.compose(x -> conn.preparedQuery(Sql.MERGE_INBOUND).executeBatch(rows))
                    .map(rs -> readInsertCounts(rs, isNew));
        }
        if (!b.statuses.isEmpty()) {
            f = f.compose(x -> conn.preparedQuery(Sql.UPDATE_STATUS).executeBatch(b.statuses));
        }
        return f.compose(x -> updateConversations(conn, b, isNew, now));
    }

    /** The JDBC client answers a batch with one row per statement, holding its update count. */
    private static boolean[] readInsertCounts(RowSet<Row> rs, boolean[] isNew) {
        int i = 0;
        for (Row r : rs) {
            if (i < isNew.length) {
                isNew[i++] = r.getInteger(0) > 0;
            }
        }
        if (i != isNew.length) {
            throw new StoreException("expected " + isNew.length + " update counts from the inbound batch, got " + i, null);
        }
        return isNew;
    }

    private Future<Void> updateConversations(SqlConnection conn, WriteBatch b, boolean[] isNew, long now) {
        Map<String, MessageRecord> latest = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        int inboundIndex = 0;
        for (MessageRecord m : b.arrivals) {
            if (m.direction() == Direction.INBOUND && !isNew[inboundIndex++]) {
                continue; // a redelivery: already counted and shown
            }
            latest.put(m.conversation(), m);
            counts.merge(m.conversation(), 1, Integer::sum);
        }
        if (latest.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Tuple> rows = new ArrayList<>(latest.size());
        for (MessageRecord m : latest.values()) {
            String preview = m.body().length() <= PREVIEW_CHARS ? m.body() : m.body().substring(0, PREVIEW_CHARS);
            String dir = m.direction() == Direction.INBOUND ? "I" : "O";
            rows.add(Tuple.of(m.conversation(), m.id(), dir, m.from(), preview, now, (long) counts.get(m.conversation())));
        }
        return conn.preparedQuery(Sql.MERGE_CONVERSATION).executeBatch(rows).mapEmpty();
    }
}
