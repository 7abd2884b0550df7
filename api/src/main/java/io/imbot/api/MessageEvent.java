package io.imbot.api;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * An inbound message handed to a {@link ReplyBot}, with the means to answer it.
 *
 * <p>Replies go through the daemon's delivery engine: each gets an ID, is stored before it is
 * sent, and its stage completes once the server acknowledges it (or fails with a {@link
 * DeliveryException}).
 *
 * <p><b>Exactly-once answers.</b> A message counts as handled once every bot has returned from
 * {@link ReplyBot#onMessage} and every reply requested before that return (through {@link
 * #reply} or the context's {@code send}, on the bot's thread) is stored. A reply's ID is derived
 * from the message, the bot and the reply's position, so when a message is shown again after a
 * crash ({@link #redelivered()}), the same replies carry the same IDs and reach the user once.
 */
public interface MessageEvent {

    /** The message. */
    ChatMessage message();

    /** The message text; shorthand for {@code message().body()}. */
    default String text() {
        return message().body();
    }

    /** The context of the bot this event was given to. */
    BotContext context();

    /**
     * Answers in the message's conversation: to the room for a room message, to the sender for a
     * direct message.
     *
     * @param text the reply text, not empty
     * @return completes with the acknowledged {@link Delivery}; fails with {@link
     *     DeliveryException} (for example {@code TIMED_OUT}, {@code BACKLOG_FULL}, {@code INVALID})
     */
    CompletionStage<Delivery> reply(String text);

    /**
     * Returns {@code true} when the message is meant for the bot: always in a direct message; in a
     * room when it {@linkplain ChatMessage#isFor names the bot} by one of {@link #botNames()}, as
     * {@code @name} anywhere or as {@code name:} at the start.
     */
    boolean mentionsBot();

    /**
     * The names the bot goes by on this message's connection, right now: its user first, then the
     * names the network shows in rooms when they differ (its room nickname on XMPP, its current
     * nick on IRC, which changes after a nick collision).
     */
    default List<String> botNames() {
        return List.of(context().botUser());
    }

    /**
     * The text after a leading address to the bot by any of {@link #botNames()} ({@code @bot},
     * {@code bot:}, {@code nick,}; see {@link ChatMessage#textAfterAddress}), or empty when the
     * message does not start with one. For bots that take commands only when addressed.
     */
    default Optional<String> textAfterAddress() {
        for (String name : botNames()) {
            Optional<String> rest = message().textAfterAddress(name);
            if (rest.isPresent()) {
                return rest;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the sender is one of the daemon's operators ({@code plugins.operators}: a user name,
     * or {@code connection/user} for one connection only). On networks where anyone can take a
     * name (IRC nicks, XMPP room nicknames, the sender field of an MQTT payload without broker
     * ACLs) this is only as strong as the network's own login.
     */
    default boolean fromOperator() {
        return false;
    }

    /** Stops lower-priority bots from seeing this message. */
    void markHandled();

    /** Whether some bot has already marked the message handled. */
    boolean isHandled();

    /**
     * Whether this message was shown to the bots before, by a daemon that stopped or died before
     * they had all finished with it. The daemon re-dispatches every stored message that was not
     * handled, at its next start, in arrival order. Replies are not doubled: a reply gets the same
     * message ID as the first time, and the server drops the copy. A bot whose handling has effects
     * outside imbot (a ticket filed, a payment made) should check this flag, or make the effect
     * idempotent, since bot code runs at least once per message.
     *
     * @return {@code true} on a re-dispatch after a restart; {@code false} the first time
     */
    default boolean redelivered() {
        return false;
    }
}
