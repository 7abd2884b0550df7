package io.imbot.core.delivery;

/**
 * A change of the connection to the IM network, published on {@link Addresses#CONNECTION}.
 *
 * @param state what happened
 * @param reason why, for {@code DOWN} and {@code FAILED}; empty for {@code UP}
 */
public record ConnectionChange(State state, String reason) {

    /** Where the connection stands. */
    public enum State {
        /** Logged in: messages flow. */
        UP,
        /** A connection that was up is gone; reconnecting. */
        DOWN,
        /** An attempt to connect or log in failed; retrying. */
        FAILED
    }
}
