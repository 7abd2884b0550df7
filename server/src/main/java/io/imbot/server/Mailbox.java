package io.imbot.server;

import io.imbot.protocol.Frame;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * One recipient's queue of messages it has not acknowledged yet, in acceptance order. Confined to
 * the server's event loop.
 *
 * <p>Invariants: every pending message is in {@code byId} and in exactly one of {@code sent}
 * (written on the current connection) or {@code unsent}; since messages are written in order,
 * {@code sent} holds only messages older than those in {@code unsent}. An acknowledged message
 * leaves {@code byId} at once and the deques lazily ({@link Entry#acked}). {@code bytes} is the sum
 * of {@link #cost} over the messages in {@code byId}.
 */
final class Mailbox {

    /** One pending message and its delivery history. */
    static final class Entry {
        final Frame.Msg msg;
        final long cost;
        int timesSent;
        boolean sent;
        boolean acked;

        Entry(Frame.Msg msg, long cost) {
            this.msg = msg;
            this.cost = cost;
        }
    }

    private final Map<String, Entry> byId = new HashMap<>();
    private final ArrayDeque<Entry> sent = new ArrayDeque<>();
    private final ArrayDeque<Entry> unsent = new ArrayDeque<>();
    private int inFlight;
    private long bytes;

    /**
     * What a message counts against the queue limits: two bytes per character of the strings it
     * holds (an upper bound of a Java string's size) plus a fixed overhead for the objects around it.
     */
    static long cost(Frame.Msg msg) {
        long chars = (long) msg.id().length() + msg.from().length() + msg.to().length() + msg.body().length();
        return 2 * chars + ServerOptions.MESSAGE_OVERHEAD_BYTES;
    }

    /** Pending messages, delivered or not. */
    int size() {
        return byId.size();
    }

    /** The sum of the pending messages' {@link #cost}s. */
    long bytes() {
        return bytes;
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }

    /** The pending message with this ID, or {@code null}. */
    Frame.Msg pending(String id) {
        Entry entry = byId.get(id);
        return entry == null ? null : entry.msg;
    }

    /** Messages written on the current connection and not acknowledged yet. */
    int inFlight() {
        return inFlight;
    }

    /** Appends a message that costs {@code cost}; the caller made sure its ID is not pending. */
    void add(Frame.Msg msg, long cost) {
        Entry entry = new Entry(msg, cost);
        byId.put(msg.id(), entry);
        unsent.addLast(entry);
        bytes += cost;
    }

    /** Takes the oldest unsent message and counts it in flight, or returns {@code null}. */
    Entry nextToSend() {
        Entry entry;
        do {
            entry = unsent.pollFirst();
        } while (entry != null && entry.acked);
        if (entry != null) {
            entry.sent = true;
            entry.timesSent++;
            sent.addLast(entry);
            inFlight++;
        }
        return entry;
    }

    /** Removes the message the recipient acknowledged; returns its cost, or -1 for an unknown ID. */
    long ack(String id) {
        Entry entry = byId.remove(id);
        if (entry == null) {
            return -1;
        }
        bytes -= entry.cost;
        entry.acked = true;
        if (entry.sent) {
            inFlight--;
            dropAckedFromSent();
        }
        return entry.cost;
    }

    /** The connection is gone: everything in flight goes back to the front, in its original order. */
    void requeue() {
        Iterator<Entry> newestFirst = sent.descendingIterator();
        while (newestFirst.hasNext()) {
            Entry entry = newestFirst.next();
            if (!entry.acked) {
                entry.sent = false;
                unsent.addFirst(entry);
            }
        }
        sent.clear();
        inFlight = 0;
    }

    private void dropAckedFromSent() {
        while (!sent.isEmpty() && sent.peekFirst().acked) {
            sent.pollFirst();
        }
        if (sent.size() > 2 * inFlight + 64) {
            sent.removeIf(e -> e.acked); // out-of-order ACKs behind an unacknowledged head
        }
    }
}
