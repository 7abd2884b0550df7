package io.imbot.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Counters of the running daemon.
 *
 * @param uptime time since the daemon started
 * @param sent outbound messages acknowledged since start
 * @param received inbound messages stored since start
 * @param pending outbound messages accepted and not yet finished
 * @param connected whether the daemon is logged in to the IM server right now
 */
public record DaemonStatus(Duration uptime, long sent, long received, long pending, boolean connected) {

    /** Validates the components. */
    public DaemonStatus {
        Objects.requireNonNull(uptime, "uptime");
    }
}
