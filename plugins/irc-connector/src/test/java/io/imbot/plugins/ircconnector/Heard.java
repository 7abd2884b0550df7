package io.imbot.plugins.ircconnector;

import io.imbot.api.connector.ConnectorListener;
import io.imbot.api.connector.InboundMessage;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A listener that keeps everything a connector tells it, for tests to take in order. */
final class Heard implements ConnectorListener {

    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final BlockingQueue<InboundMessage> messages = new LinkedBlockingQueue<>();
    final BlockingQueue<String> acks = new LinkedBlockingQueue<>();
    final AtomicInteger writables = new AtomicInteger();

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
    String nextEvent(long seconds) throws InterruptedException {
        return orFail(events.poll(seconds, TimeUnit.SECONDS), "event");
    }

    /** The next event that is not a failed attempt (reconnecting to a server that is still down). */
    String nextEventExceptFailures(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String e = orFail(events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS), "event other than a failed attempt");
            if (!e.startsWith("failed: ")) {
                return e;
            }
        }
    }

    InboundMessage nextMessage(long seconds) throws InterruptedException {
        return orFail(messages.poll(seconds, TimeUnit.SECONDS), "message");
    }

    String nextAck(long seconds) throws InterruptedException {
        return orFail(acks.poll(seconds, TimeUnit.SECONDS), "ack");
    }

    private static <T> T orFail(T value, String what) {
        if (value == null) {
            throw new AssertionError("no " + what + " in time");
        }
        return value;
    }
}
