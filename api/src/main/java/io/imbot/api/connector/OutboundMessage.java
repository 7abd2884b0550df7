package io.imbot.api.connector;

/**
 * A message for a connector to write. A retransmission carries the same {@code id}; a network
 * that deduplicates by ID then shows the recipient one message.
 *
 * @param id the engine's message ID (at most 128 characters, no spaces or control characters)
 * @param to the recipient, already accepted by {@link Connector#checkAddress}
 * @param body the text
 * @param createdAt when the message was accepted, epoch milliseconds
 */
public record OutboundMessage(String id, String to, String body, long createdAt) {}
