package io.imbot.plugins.ircconnector;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The outgoing side of one connection: message lines wait here and leave at the flood limit, a
 * token bucket of {@code burst} lines refilled one line per {@code interval}. Control lines (PONG,
 * PING, JOIN, registration) skip the queue but spend a token too, since the server counts them
 * alike; the bucket may go into debt for them, and message lines then wait until it is paid.
 *
 * <p>A message's ID is reported as written once the write of its last line has completed on the
 * socket. Until then the ID counts as queued: a second {@link #enqueue} of it (the engine's
 * retransmission after its ACK timeout) is dropped instead of sending the text twice.
 *
 * <p>Confined to the connection's context; one pacer per connection, dropped with it.
 */
final class LinePacer {

    /** Where lines go: the connection's socket. */
    interface Out {
        /** Writes one line's bytes (with CR LF); completes once they reached the socket. */
        Future<Void> write(Buffer line);

        /** Whether the socket's own write queue is full; then {@link LinePacer#pump()} waits for a drain. */
        boolean full();
    }

    private record Line(String text, String lastOf) {}

    private final Vertx vertx;
    private final Out out;
    private final long intervalNanos; // 0: no limit
    private final int burst;
    private final int maxQueued;
    private final Consumer<String> written;
    private final Runnable room;

    private final ArrayDeque<Line> queue = new ArrayDeque<>();
    private final Set<String> unwritten = new HashSet<>(); // IDs queued or with their last line still being written
    private double tokens;
    private long refilledAt;
    private long timer = -1;
    private boolean blocked; // writable() said no since the last room() call
    private boolean closed;

    /**
     * @param written told each message ID once its last line is written
     * @param room told when lines were taken off a queue that had reached {@code maxQueued}
     */
    LinePacer(Vertx vertx, Out out, long intervalNanos, int burst, int maxQueued, Consumer<String> written, Runnable room) {
        this.vertx = vertx;
        this.out = out;
        this.intervalNanos = intervalNanos;
        this.burst = burst;
        this.maxQueued = maxQueued;
        this.written = written;
        this.room = room;
        this.tokens = burst;
        this.refilledAt = System.nanoTime();
    }

    /** Writes a control line now, ahead of any queued message line. */
    void control(String line) {
        if (closed) {
            return;
        }
        refill();
        tokens -= 1;
        out.write(Buffer.buffer(line + "\r\n"));
    }

    /**
     * Queues a message's lines, in order, and writes what the limit allows.
     *
     * @return false when {@code id} is still queued or being written (nothing is added)
     */
    boolean enqueue(String id, List<String> lines) {
        if (closed || lines.isEmpty() || !unwritten.add(id)) {
            return false;
        }
        for (int i = 0; i < lines.size(); i++) {
            queue.addLast(new Line(lines.get(i), i == lines.size() - 1 ? id : null));
        }
        pump();
        return true;
    }

    /** Whether there is room for another message; when there is not, {@code room} is called once there is. */
    boolean hasRoom() {
        boolean yes = !closed && queue.size() < maxQueued && !out.full();
        if (!yes) {
            blocked = true;
        }
        return yes;
    }

    /** Lines waiting for the limit. */
    int queued() {
        return queue.size();
    }

    /** Writes queued lines as far as the limit and the socket allow; call it when the socket drains. */
    void pump() {
        if (closed) {
            return;
        }
        refill();
        while (!queue.isEmpty() && (intervalNanos == 0 || tokens >= 1) && !out.full()) {
            Line line = queue.pollFirst();
            tokens -= 1;
            Future<Void> done = out.write(Buffer.buffer(line.text() + "\r\n"));
            if (line.lastOf() != null) {
                String id = line.lastOf();
                done.onSuccess(v -> {
                    if (!closed && unwritten.remove(id)) {
                        written.accept(id);
                    }
                });
            }
        }
        if (!queue.isEmpty() && !out.full() && timer < 0) {
            long waitNanos = (long) Math.ceil((1 - tokens) * intervalNanos);
            timer = vertx.setTimer(Math.max(1, waitNanos / 1_000_000), id -> {
                timer = -1;
                pump();
                signalRoom();
            });
        }
    }

    /** Called after a drain or a timer: tells the engine there is room again, once per time it was told there was none. */
    void signalRoom() {
        if (blocked && !closed && queue.size() < maxQueued && !out.full()) {
            blocked = false;
            room.run();
        }
    }

    /** Drops what is queued, unwritten and unreported: the engine sends it again on the next connection. */
    void close() {
        closed = true;
        queue.clear();
        unwritten.clear();
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    private void refill() {
        long now = System.nanoTime();
        if (intervalNanos > 0) {
            tokens = Math.min(burst, tokens + (double) (now - refilledAt) / intervalNanos);
        }
        refilledAt = now;
    }
}
