package io.imbot.core.transport;

/** A message received from the network: the engine's view, free of wire details. */
public record InboundMessage(String id, String from, String to, String body, long sentAt) {}
