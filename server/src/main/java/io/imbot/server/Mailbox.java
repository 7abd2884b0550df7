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
 * leaves {@code byId} at once and the deques lazily ({@link Entry#acked}).
 */
final class Mailbox {

    /** One pending message and its delivery history. */
    static final class Entry {
        final Frame.Msg msg;
        int timesSent;
        boolean sent;
        boolean acked;

        Entry(Frame.Msg msg) {
            this.msg = msg;
        }
    }

    private final Map<String, Entry> byId = new HashMap<>();
    private final ArrayDeque<Entry> sent = new ArrayDeque<>();
    private final ArrayDeque<Entry> unsent = new ArrayDeque<>();
    private int inFlight;

    /** Pending messages, delivered or not. */
    int size() {
        return byId.size();
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

    /** Appends a message; the caller made sure its ID is not pending. */
    void add(Frame.Msg msg) {
        Entry entry = new Entry(msg);
        byId.put(msg.id(), entry);
        unsent.addLast(entry);
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

    /** Removes the message the recipient acknowledged; returns {@code false} for an unknown ID. */
    boolean ack(String id) {
        Entry entry = byId.remove(id);
        if (entry == null) {
            return false;
        }
        entry.acked = true;
        if (entry.sent) {
            inFlight--;
            dropAckedFromSent();
        }
        return true;
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
