package io.imbot.core.history;

import io.imbot.api.Conversation;
import io.imbot.api.DeliveryStatus;
import io.vertx.core.Future;
import java.util.List;

/**
 * Where messages live: the outbox of pending sends, the history of both directions, and the latest
 * message of each conversation.
 *
 * <p>Threading: the write methods ({@code save*}, {@link #recordStatus}, {@link #flush}) must be
 * called from one Vert.x context, the delivery engine's; their futures complete on it. Reads may
 * come from any thread.
 */
public interface MessageStore {

    /** Stores an outbound message as pending; completes once it is durable. */
    Future<Void> saveOutbound(MessageRecord message);

    /**
     * Stores an inbound message unless the same sender's ID is already stored.
     *
     * @return {@code true} when the message is new, {@code false} for a redelivery
     */
    Future<Boolean> saveInbound(MessageRecord message);

    /** Records an outbound message's new status; written with the next batch. */
    Future<Void> recordStatus(String id, DeliveryStatus status, int attempts, String reason);

    /** The outbound messages still pending, oldest first. */
    Future<List<MessageRecord>> loadPending();

    /** The latest {@code limit} messages of a conversation, oldest first. */
    Future<List<MessageRecord>> latest(String conversation, int limit);

    /** The latest {@code limit} messages across all conversations, oldest first. */
    Future<List<MessageRecord>> latest(int limit);

    /**
     * The latest {@code limit} active conversations, most recently active first: each with its
     * latest message, message count and unanswered count (see {@link Conversation}). Reflects what
     * has been written so far; messages still gathering in a batch are not in it yet.
     */
    Future<List<Conversation>> conversations(int limit);

    /** Completes once everything handed to the store so far is durable. */
    Future<Void> flush();

    /** Flushes, then closes the database cleanly. */
    Future<Void> close();
}
