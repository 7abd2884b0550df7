package io.imbot.server;

/**
 * Faults the reference server injects, for testing a client's delivery promises. Immutable; start
 * from {@link #none()} and replace them at run time with {@link ImServer#setFaults}:
 *
 * <pre>{@code
 * server.setFaults(FaultOptions.none().withDropAckPercent(30).withSeed(42));
 * }</pre>
 *
 * <p>Every ACK the server does not send (dropped or withheld) counts in {@link
 * ServerStats#acksDropped()}, every delayed one in {@link ServerStats#acksDelayed()}.
 *
 * @param dropAckPercent 0-100: the chance that an accepted message's ACK is not sent (the message is
 *     still accepted and delivered)
 * @param ackDelayMillis delay every ACK by this many milliseconds; 0 sends at once
 * @param withholdAcks accept every message but never ACK it
 * @param silent read and discard everything, answer nothing: no acks, no pongs, no errors, no
 *     deliveries; connections stay open, like a link that went silent
 * @param duplicateDeliveries write each delivered message this many times in a row (at least 1)
 * @param seed seeds the random source behind {@code dropAckPercent}, so runs are repeatable
 */
public record FaultOptions(
        int dropAckPercent, long ackDelayMillis, boolean withholdAcks, boolean silent, int duplicateDeliveries, long seed) {

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException naming the first field that is out of range
     */
    public FaultOptions {
        if (dropAckPercent < 0 || dropAckPercent > 100) {
            throw new IllegalArgumentException("dropAckPercent must be 0-100, was " + dropAckPercent);
        }
        if (ackDelayMillis < 0) {
            throw new IllegalArgumentException("ackDelayMillis must be >= 0, was " + ackDelayMillis);
        }
        if (duplicateDeliveries < 1) {
            throw new IllegalArgumentException("duplicateDeliveries must be >= 1, was " + duplicateDeliveries);
        }
    }

    /** No faults: the server behaves honestly. */
    public static FaultOptions none() {
        return new FaultOptions(0, 0, false, false, 1, 0);
    }

    /** A copy with {@link #dropAckPercent()} replaced. */
    public FaultOptions withDropAckPercent(int value) {
        return new FaultOptions(value, ackDelayMillis, withholdAcks, silent, duplicateDeliveries, seed);
    }

    /** A copy with {@link #ackDelayMillis()} replaced. */
    public FaultOptions withAckDelayMillis(long value) {
        return new FaultOptions(dropAckPercent, value, withholdAcks, silent, duplicateDeliveries, seed);
    }

    /** A copy with {@link #withholdAcks()} replaced. */
    public FaultOptions withWithholdAcks(boolean value) {
        return new FaultOptions(dropAckPercent, ackDelayMillis, value, silent, duplicateDeliveries, seed);
    }

    /** A copy with {@link #silent()} replaced. */
    public FaultOptions withSilent(boolean value) {
        return new FaultOptions(dropAckPercent, ackDelayMillis, withholdAcks, value, duplicateDeliveries, seed);
    }

    /** A copy with {@link #duplicateDeliveries()} replaced. */
    public FaultOptions withDuplicateDeliveries(int value) {
        return new FaultOptions(dropAckPercent, ackDelayMillis, withholdAcks, silent, value, seed);
    }

    /** A copy with {@link #seed()} replaced. */
    public FaultOptions withSeed(long value) {
        return new FaultOptions(dropAckPercent, ackDelayMillis, withholdAcks, silent, duplicateDeliveries, value);
    }
}
