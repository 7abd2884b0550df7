package io.imbot.api;

import java.util.Objects;

/**
 * One of the daemon's connections to an IM network changed, as {@link BotContext#onConnectionChange}
 * reports it. While a connection is down, sends on it wait (stored) and go out after it is back.
 *
 * @param state what happened
 * @param reason why, for {@link State#DOWN} and {@link State#FAILED}; empty for {@link State#UP}
 * @param connection the connection's name (see {@link ChatMessage#connection()})
 */
public record ConnectionChange(State state, String reason, String connection) {

    /** A change of the {@value ChatMessage#DEFAULT_CONNECTION} connection. */
    public ConnectionChange(State state, String reason) {
        this(state, reason, ChatMessage.DEFAULT_CONNECTION);
    }

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
        Objects.requireNonNull(connection, "connection");
    }
}
