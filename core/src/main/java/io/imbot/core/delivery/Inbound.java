package io.imbot.core.delivery;

import io.imbot.api.ChatMessage;

/**
 * An inbound message on its way to the bots, published on {@link Addresses#INBOUND} once it is
 * stored and acknowledged. Whoever handles it reports back through {@link DeliveryPort#handled}.
 *
 * @param message the stored message
 * @param redelivered {@code true} when the message was dispatched before, by a daemon that stopped
 *     or died before it was handled; it is dispatched again at start, before new messages
 */
public record Inbound(ChatMessage message, boolean redelivered) {}
