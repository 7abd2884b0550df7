package io.imbot.api;

import java.util.Objects;

/**
 * The daemon's connection to the IM network changed, as {@link BotContext#onConnectionChange}
 * reports it. While the connection is down, sends wait (stored) and go out after it is back.
 *
 * @param state what happened
 * @param reason why, for {@link State#DOWN} and {@link State#FAILED}; empty for {@link State#UP}
 */
public record ConnectionChange(State state, String reason) {

    /** Where the connection stands. */
    public enum State {
        /** Logged in: messages flow. */
        UP,
        /** A connection that was up is gone; the daemon reconnects with backoff. */
        DOWN,
        /** An attempt to connect or log in failed; the daemon tries again. */
        FAILED
    }

    /** Validates the components. */
    public ConnectionChange {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
    }
}
