package io.imbot.server;

import io.imbot.protocol.Frame;
import io.vertx.core.Vertx;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends ACKs to senders through the current {@link FaultOptions}: withheld, dropped at random,
 * delayed, or written at once. Every ACK not written counts as dropped. Confined to the server's
 * event loop (delay timers fire on it too).
 */
final class AckSender {

    private static final Logger LOG = LoggerFactory.getLogger(AckSender.class);

    private final Vertx vertx;
    private final Counters counters;
    private FaultOptions faults = FaultOptions.none();
    private Random random = new Random(faults.seed());

    AckSender(Vertx vertx, Counters counters) {
        this.vertx = vertx;
        this.counters = counters;
    }

    /** Takes new faults and restarts the random source from their seed. */
    void setFaults(FaultOptions faults) {
        this.faults = faults;
        this.random = new Random(faults.seed());
    }

    /** Acknowledges {@code id} to {@code session}, unless a fault says otherwise. */
    void ack(ClientSession session, String id) {
        if (faults.withholdAcks()) {
            drop(session, id, "withheld");
            return;
        }
        if (faults.dropAckPercent() > 0 && random.nextInt(100) < faults.dropAckPercent()) {
            drop(session, id, "dropped");
            return;
        }
        long delay = faults.ackDelayMillis();
        if (delay > 0) {
            counters.acksDelayed++;
            vertx.setTimer(delay, t -> write(session, id));
        } else {
            write(session, id);
        }
    }

    private void write(ClientSession session, String id) {
        if (faults.silent()) {
            drop(session, id, "silenced"); // went silent while the ACK was delayed
        } else if (session.isOpen()) {
            session.send(new Frame.Ack(id));
            counters.acksSent++;
        }
        // else: the sender disconnected; it will retransmit and be acked as a duplicate.
    }

    private void drop(ClientSession session, String id, String how) {
        counters.acksDropped++;
        LOG.debug("fault: ack {} to {} {}", id, session.peer(), how);
    }
}
