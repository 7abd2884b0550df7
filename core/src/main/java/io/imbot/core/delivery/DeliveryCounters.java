package io.imbot.core.delivery;

import io.imbot.core.metrics.Meters;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of the delivery engine; written on its event loop, readable from any thread. */
public final class DeliveryCounters {

    final AtomicLong accepted = new AtomicLong();
    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong timedOut = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong retransmissions = new AtomicLong();
    final AtomicLong lateAcks = new AtomicLong();
    final AtomicLong received = new AtomicLong();
    final AtomicLong duplicatesDropped = new AtomicLong();
    final AtomicLong pending = new AtomicLong();
    final AtomicLong inFlight = new AtomicLong();
    final AtomicLong timers = new AtomicLong();
    final AtomicLong writeQueuePauses = new AtomicLong();
    final AtomicLong unhandled = new AtomicLong();
    final AtomicLong redispatched = new AtomicLong();
    final AtomicLong joinedReplies = new AtomicLong();
    final AtomicLong repliesSentBefore = new AtomicLong();
    final AtomicLong inboundStoreFailures = new AtomicLong();
    final AtomicLong inboundTooLong = new AtomicLong();
    /** Each connection's state: logged in or not. */
    private final Map<String, Boolean> up = new ConcurrentHashMap<>();
    private final Meters meters;

    /** Counters whose histograms and labelled counts go nowhere. */
    public DeliveryCounters() {
        this(Meters.NONE);
    }

    /** Counters that also record latencies and labelled counts in {@code meters}. */
    public DeliveryCounters(Meters meters) {
        this.meters = meters;
    }

    /** Where the engines record their latencies and labelled counts. */
    public Meters meters() {
        return meters;
    }

    /** Messages accepted for sending since start. */
    public long accepted() {
        return accepted.get();
    }

    /** Messages written to a network that confirms nothing, since start (never counted as acknowledged). */
    public long sent() {
        return sent.get();
    }

    /** Messages acknowledged by the server since start. */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Messages that ended timed out since start. */
    public long timedOut() {
        return timedOut.get();
    }

    /** Messages that ended failed since start (after they were accepted). */
    public long failed() {
        return failed.get();
    }

    /** Sends refused at once (backlog full, invalid, stopping). */
    public long refused() {
        return refused.get();
    }

    /** Transmissions beyond each message's first. */
    public long retransmissions() {
        return retransmissions.get();
    }

    /** ACKs that arrived after their message had timed out. */
    public long lateAcks() {
        return lateAcks.get();
    }

    /** Inbound messages stored and published since start. */
    public long received() {
        return received.get();
    }

    /** Inbound redeliveries recognised and not shown again. */
    public long duplicatesDropped() {
        return duplicatesDropped.get();
    }

    /** Messages accepted and not finished right now. */
    public long pending() {
        return pending.get();
    }

    /** Messages written and awaiting their ACK right now. */
    public long inFlight() {
        return inFlight.get();
    }

    /** ACK timers armed right now. */
    public long timers() {
        return timers.get();
    }

    /** Times sending paused because the socket's write queue was full (it resumes on drain). */
    public long writeQueuePauses() {
        return writeQueuePauses.get();
    }

    /** Inbound messages stored and not handled by the bots yet, right now. */
    public long unhandled() {
        return unhandled.get();
    }

    /** Inbound messages a previous run left unhandled, shown to the bots again at this start. */
    public long redispatched() {
        return redispatched.get();
    }

    /** Replies sent again while their first copy was still under way (a re-dispatch after a restart); they joined it. */
    public long joinedReplies() {
        return joinedReplies.get();
    }

    /** Replies sent again whose first copy had ended before a restart; not sent a second time. */
    public long repliesSentBefore() {
        return repliesSentBefore.get();
    }

    /** Times an inbound message could not be stored (it is kept, unacknowledged, and stored again). */
    public long inboundStoreFailures() {
        return inboundStoreFailures.get();
    }

    /** Inbound messages longer than {@code delivery.maxBodyChars}: acknowledged and dropped. */
    public long inboundTooLong() {
        return inboundTooLong.get();
    }

    /** Whether every connection is logged in to its IM server. */
    public boolean connected() {
        return !up.isEmpty() && !up.containsValue(false);
    }

    /** Whether the connection {@code name} is logged in now (false for a name never seen). */
    public boolean isUp(String name) {
        return up.getOrDefault(name, false);
    }

    /** Records whether the connection {@code name} is logged in. */
    void connectionUp(String name, boolean isUp) {
        up.put(name, isUp);
    }
}
