package io.imbot.core.history;

import io.imbot.api.DeliveryStatus;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Writes through one transaction at a time. While a transaction commits, new writes gather in the
 * next batch, so a busy daemon pays one durable commit for many messages and an idle one waits for
 * none.
 *
 * <p>Confined to the owner's context (the delivery engine's): batches gather there; each is written
 * by {@link BatchWriter} on the store's one writer thread over one plain JDBC connection, and its
 * promises complete back on the owner's context. One hop to the writer and one back per batch:
 * the JDBC client's pool took several per transaction (begin, each statement, commit), which cost
 * more than the database itself at high rates. The writer thread ends when idle for a while and
 * comes back with the next batch; its thread is a daemon, so a store never closed holds nothing.
 */
final class GroupCommitWriter {

    private static final int MAX_BATCH = 2000;

    private final Vertx vertx;
    private final ThreadPoolExecutor thread;
    private final BatchWriter writer;
    private final ArrayDeque<WriteBatch> waiting = new ArrayDeque<>();
    private boolean writing;
    private boolean closed;
    private Promise<Void> idle;
    /**
     * The next message's place in the history, shared by the writers of every connection: given in
     * arrival order, so in and out, and the connections, interleave truly.
     */
    private final AtomicLong nextSeq;

    private final AtomicReference<CommitObserver> commits;

    GroupCommitWriter(Vertx vertx, DataSource dataSource, AtomicLong nextSeq, AtomicReference<CommitObserver> commits) {
        this.vertx = vertx;
        this.thread = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "imbot-history-writer");
            t.setDaemon(true);
            return t;
        });
        this.writer = new BatchWriter(dataSource);
        this.nextSeq = nextSeq;
        this.commits = commits;
    }

    Future<MessageRecord> saveOutbound(MessageRecord m, boolean once) {
        Promise<MessageRecord> done = Promise.promise();
        WriteBatch b = open();
        m = m.withSeq(nextSeq.getAndIncrement());
        b.outbound.add(m);
        b.outboundOnce.add(once);
        b.outboundDone.add(done);
        b.arrivals.add(m);
        kick();
        return done.future();
    }

    Future<Boolean> saveInbound(MessageRecord m) {
        Promise<Boolean> done = Promise.promise();
        WriteBatch b = open();
        m = m.withSeq(nextSeq.getAndIncrement());
        b.inbound.add(m);
        b.inboundDone.add(done);
        b.arrivals.add(m);
        kick();
        return done.future();
    }

    Future<Void> recordStatus(String connection, String sender, String id, DeliveryStatus status, int attempts, String reason) {
        Promise<Void> done = Promise.promise();
        WriteBatch b = open();
        b.statuses.add(new WriteBatch.StatusChange(connection, sender, id, status, attempts, System.currentTimeMillis(), reason));
        b.statusDone.add(done);
        kick();
        return done.future();
    }

    Future<Void> markHandled(String connection, String from, String id) {
        Promise<Void> done = Promise.promise();
        WriteBatch b = open();
        b.handled.add(new WriteBatch.Handled(connection, from, id));
        b.handledDone.add(done);
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

    /** Flushes, then closes the connection and the writer thread. */
    Future<Void> close() {
        return flush().eventually(() -> {
            closed = true;
            Promise<Void> shut = Promise.promise();
            thread.execute(() -> {
                writer.close();
                shut.complete();
            });
            thread.shutdown();
            return shut.future();
        }).mapEmpty();
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
        if (closed) {
            b.fail(new StoreException("the message store is closed", null));
            writeNext();
            return;
        }
        Context owner = vertx.getOrCreateContext();
        thread.execute(() -> {
            WriteBatch.Result written = null;
            Throwable failure = null;
            try {
                if (b.size() == 0) {
                    written = new WriteBatch.Result(new MessageRecord[0], new boolean[0]);
                } else {
                    long start = System.nanoTime();
                    written = writer.write(b);
                    commits.get().committed(b.size(), System.nanoTime() - start);
                }
            } catch (Throwable e) {
                failure = e;
            }
            WriteBatch.Result result = written;
            Throwable cause = failure;
            owner.runOnContext(v -> {
                if (cause == null) {
                    b.succeed(result);
                } else {
                    b.fail(cause);
                }
                writeNext();
            });
        });
    }
}
