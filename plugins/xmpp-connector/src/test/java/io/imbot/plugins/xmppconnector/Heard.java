package io.imbot.plugins.xmppconnector;

import io.imbot.api.connector.ConnectorListener;
import io.imbot.api.connector.InboundMessage;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A listener that keeps everything a connector tells it, for tests to take in order. */
final class Heard implements ConnectorListener {

    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final BlockingQueue<InboundMessage> messages = new LinkedBlockingQueue<>();
    final BlockingQueue<String> acks = new LinkedBlockingQueue<>();

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
    public void onWritable() {}

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
