package io.imbot.core.transport;

/** A message to send: the engine's view, free of wire details. */
public record OutboundMessage(String id, String to, String body, long createdAt) {}
