package io.imbot.plugins.xmppconnector;

import io.imbot.api.connector.Connector;
import io.imbot.api.connector.ConnectorListener;
import io.imbot.api.connector.InboundMessage;
import io.imbot.api.connector.OutboundMessage;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays the delivery engine for a burst of messages to one person: sends while the connector is
 * writable, and after every new {@code onReady} sends again, with the same ID, each message not
 * acked yet. Called by the connector on its context, so it calls the connector directly.
 */
final class Retransmitter implements ConnectorListener {

    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final AtomicInteger acked = new AtomicInteger();
    final AtomicInteger sends = new AtomicInteger();
    final AtomicInteger retransmitted = new AtomicInteger();
    private final Set<String> unacked = new LinkedHashSet<>();
    private final Set<String> sentThisSession = new HashSet<>();
    private final Set<String> everSent = new HashSet<>();
    private final Set<String> ackedIds = new HashSet<>();
    private final String to;
    private Connector connector;
    private int limit; // only the first `limit` IDs go out, until release()

    Retransmitter(String to, int count) {
        this.to = to;
        this.limit = count;
        for (int i = 1; i <= count; i++) {
            unacked.add(String.format("burst-%04d", i));
        }
    }

    /** Sends through {@code c}, only the first {@code first} IDs until {@link #release}. On the connector's context. */
    void attach(Connector c, int first) {
        this.connector = c;
        this.limit = first;
    }

    /** Lets every ID go out. On the connector's context. */
    void release() {
        limit = Integer.MAX_VALUE;
        pump();
    }

    /** The IDs acked so far; read after the burst ended. */
    synchronized Set<String> ackedIds() {
        return Set.copyOf(ackedIds);
    }

    private void pump() {
        if (connector == null) {
            return;
        }
        for (String id : unacked) {
            if (!connector.writable() || Integer.parseInt(id.substring(6)) > limit) {
                return;
            }
            if (sentThisSession.add(id)) {
                if (!everSent.add(id)) {
                    retransmitted.incrementAndGet();
                }
                sends.incrementAndGet();
                connector.send(new OutboundMessage(id, to, "message " + id, System.currentTimeMillis()));
            }
        }
    }

    @Override
    public void onReady() {
        sentThisSession.clear(); // what the last connection left unacked goes again
        events.add("ready");
        pump();
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
        pump();
    }

    @Override
    public void onMessage(InboundMessage message) {}

    @Override
    public void onAck(String id) {
        if (unacked.remove(id)) {
            synchronized (this) {
                ackedIds.add(id);
            }
            acked.incrementAndGet();
            if (unacked.isEmpty()) {
                events.add("all acked");
            }
        }
        pump();
    }

    @Override
    public void onRejected(String id, String reason) {
        events.add("rejected " + id + ": " + reason);
    }
}
