package io.imbot.api;

/** Whether a stored message was received by the daemon or sent by it. */
public enum Direction {
    /** Received from the IM server. */
    INBOUND,
    /** Sent by the daemon (a bot's reply, a CLI send, an event-bus send). */
    OUTBOUND
}
