package io.imbot.core.delivery;

import io.imbot.core.config.ImbotConfig;
import java.time.Duration;

/**
 * Limits of the delivery engine.
 *
 * @param ackTimeout how long to wait for an ACK before retransmitting
 * @param maxAttempts transmissions per message before it times out
 * @param deadline the longest a message may stay unfinished, including time offline
 * @param window messages written and not yet ACKed, at most
 * @param backlog unfinished messages at most; beyond it sends fail with BACKLOG_FULL
 * @param stopGrace how long a stop waits for in-flight ACKs
 * @param maxBodyChars the longest accepted text
 * @param maxUnhandled inbound messages with the bots at once, at most; 0 when nobody reports
 *     messages handled (a chat client), so each is passed on and ACKed at once
 */
public record DeliverySettings(
        Duration ackTimeout,
        int maxAttempts,
        Duration deadline,
        int window,
        int backlog,
        Duration stopGrace,
        int maxBodyChars,
        int maxUnhandled) {

    /** Settings for an engine whose inbound messages nobody reports handled. */
    public DeliverySettings(Duration ackTimeout, int maxAttempts, Duration deadline, int window, int backlog, Duration stopGrace,
            int maxBodyChars) {
        this(ackTimeout, maxAttempts, deadline, window, backlog, stopGrace, maxBodyChars, 0);
    }

    /** The settings of the {@code delivery} section. */
    public static DeliverySettings from(ImbotConfig.Delivery d) {
        return new DeliverySettings(d.ackTimeout(), d.maxAttempts(), d.deadline(), d.window(), d.backlog(), d.stopGrace(),
                d.maxBodyChars(), d.maxUnhandled());
    }

    /** The same settings with {@code maxUnhandled} set. */
    public DeliverySettings withMaxUnhandled(int value) {
        return new DeliverySettings(ackTimeout, maxAttempts, deadline, window, backlog, stopGrace, maxBodyChars, value);
    }
}
