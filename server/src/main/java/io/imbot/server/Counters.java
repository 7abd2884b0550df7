package io.imbot.server;

/** The server's growing counters. Confined to the server's event loop; {@link ServerStats} is the snapshot. */
final class Counters {
    long acceptedMessages;
    long duplicateMessages;
    long acksSent;
    long acksDropped;
    long acksDelayed;
    long deliveries;
    long redeliveries;
    long protocolErrors;
    long busyRefusals;
    long connectionsRefused;
    long connectionsTimedOut;
    long loginsRefused;
}
