package io.imbot.api;

import java.util.concurrent.CompletionStage;

/**
 * An inbound message handed to a {@link ReplyBot}, with the means to answer it.
 *
 * <p>Replies go through the daemon's delivery engine: each gets an ID, is stored before it is
 * sent, and its stage completes once the server acknowledges it (or fails with a {@link
 * DeliveryException}).
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

    /** Returns {@code true} when the message names the bot with {@code @name} (always in a DM). */
    boolean mentionsBot();

    /** Stops lower-priority bots from seeing this message. */
    void markHandled();

    /** Whether some bot has already marked the message handled. */
    boolean isHandled();
}
