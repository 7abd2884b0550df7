package io.imbot.testsupport;

import io.imbot.api.connector.ConnectorListener;
import io.imbot.api.connector.InboundMessage;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connector listener that keeps everything a connector tells it, for tests to take in order:
 * events as text ({@code ready}, {@code failed: REASON}, {@code lost: REASON}, {@code rejected ID:
 * REASON}), inbound messages, and acknowledged IDs.
 */
public final class Heard implements ConnectorListener {

    public final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    public final BlockingQueue<InboundMessage> messages = new LinkedBlockingQueue<>();
    public final BlockingQueue<String> acks = new LinkedBlockingQueue<>();
    /** How often the connector said it can take messages again. */
    public final AtomicInteger writables = new AtomicInteger();

    @Override
    public void onReady() {
        events.add("ready");
    }

    @Override
    public void onAttemptFailed(String reason) {
        events.add("failed: " + reason);
    }

    @Override
    public void onLost(String reason) {
        events.add("lost: " + reason);
    }

    @Override
    public void onWritable() {
        writables.incrementAndGet();
    }

    @Override
    public void onMessage(InboundMessage message) {
        messages.add(message);
    }

    @Override
    public void onAck(String id) {
        acks.add(id);
    }

    @Override
    public void onRejected(String id, String reason) {
        events.add("rejected " + id + ": " + reason);
    }

    /** The next event, or an error naming what was awaited. */
    public String nextEvent(long seconds) throws InterruptedException {
        return orFail(events.poll(seconds, TimeUnit.SECONDS), "event");
    }

    /** The next event that is not a failed attempt (reconnecting to a server that is still down). */
    public String nextEventExceptFailures(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String e = orFail(events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS), "event other than a failed attempt");
            if (!e.startsWith("failed: ")) {
                return e;
            }
        }
    }

    /** The next inbound message, or an error. */
    public InboundMessage nextMessage(long seconds) throws InterruptedException {
        return orFail(messages.poll(seconds, TimeUnit.SECONDS), "message");
    }

    /** The next acknowledged ID, or an error. */
    public String nextAck(long seconds) throws InterruptedException {
        return orFail(acks.poll(seconds, TimeUnit.SECONDS), "ack");
    }

    private static <T> T orFail(T value, String what) {
        if (value == null) {
            throw new AssertionError("no " + what + " in time");
        }
        return value;
    }
}
