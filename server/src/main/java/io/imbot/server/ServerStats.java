package io.imbot.server;

/**
 * A snapshot of the reference server's counters, taken on its event loop by {@link
 * ImServer#stats()}. Counters only grow; {@code connections}, {@code loggedInUsers} and {@code
 * queuedMessages} are current values.
 *
 * @param connections open client connections, TCP and WebSocket (on the WebSocket port, an HTTP
 *     connection counts from its arrival, before it upgrades); a connection still in its TLS
 *     handshake is not counted
 * @param loggedInUsers users with a logged-in connection
 * @param acceptedMessages messages accepted (each counted once, however many recipients)
 * @param duplicateMessages retransmissions of an already accepted (sender, id), acked again but
 *     not delivered again
 * @param acksSent ACK frames written to senders
 * @param acksDropped ACKs not sent because of {@code dropAckPercent} or {@code withholdAcks} (or
 *     because the server went silent while the ACK was delayed)
 * @param acksDelayed ACKs delayed by {@code ackDelayMillis}
 * @param deliveries msg frames written to recipients, including redeliveries and injected
 *     duplicates
 * @param redeliveries msg frames written again to a recipient that had been sent the message on an
 *     earlier connection without acknowledging it
 * @param queuedMessages messages waiting in recipient queues (not yet acknowledged by the recipient)
 * @param protocolErrors error frames sent for input the protocol does not allow: framing and field
 *     errors, frames before login, frames a client may not send
 * @param queuedBytes what the queued messages count against the byte limits (see {@link
 *     ServerOptions#queueBytesLimit()})
 * @param busyRefusals messages refused with {@code busy} because a queue was full
 * @param loginsRefused logins answered with {@code login_refused}: wrong or missing token, no
 *     account, or no login before the deadline
 * @param connectionsRefused connections closed on arrival because {@link
 *     ServerOptions#maxConnections()} were open
 * @param connectionsTimedOut connections closed for sending no login before {@link
 *     ServerOptions#loginTimeout()} (or, on the WebSocket port, no upgrade) or no whole frame for
 *     {@link ServerOptions#idleTimeout()}
 */
public record ServerStats(
        int connections,
        int loggedInUsers,
        long acceptedMessages,
        long duplicateMessages,
        long acksSent,
        long acksDropped,
        long acksDelayed,
        long deliveries,
        long redeliveries,
        long queuedMessages,
        long protocolErrors,
        long queuedBytes,
        long busyRefusals,
        long loginsRefused,
        long connectionsRefused,
        long connectionsTimedOut) {}
