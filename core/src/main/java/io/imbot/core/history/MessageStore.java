package io.imbot.core.history;

import io.imbot.api.Conversation;
import io.imbot.api.DeliveryStatus;
import io.imbot.api.KeyValueStore;
import io.vertx.core.Future;
import java.nio.file.Path;
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

    /**
     * Stores an outbound message as pending.
     *
     * @return once durable: {@code message} as stored (its seq set, status PENDING)
     */
    Future<MessageRecord> saveOutbound(MessageRecord message);

    /**
     * Stores an outbound message as pending, unless an outbound message with its ID is stored
     * already: a bot's reply to a message shown again after a crash (reply IDs are derived from the
     * message, so they repeat).
     *
     * @return once durable: {@code message} as stored (its seq set, status PENDING) when new, or
     *     the message stored before under that ID, with the status it has now
     */
    Future<MessageRecord> saveOutboundOnce(MessageRecord message);

    /**
     * Stores an inbound message unless the same sender's ID is already stored. A new message is
     * also unhandled until {@link #markHandled}: {@link #loadUnhandled} returns it after a restart.
     *
     * @return {@code true} when the message is new, {@code false} for a redelivery
     */
    Future<Boolean> saveInbound(MessageRecord message);

    /** Records that the inbound message {@code id} from {@code from} has been handled; written with the next batch. */
    Future<Void> markHandled(String from, String id);

    /** The inbound messages stored and not handled yet, in arrival order. */
    Future<List<MessageRecord>> loadUnhandled();

    /** Records an outbound message's new status; written with the next batch. */
    Future<Void> recordStatus(String id, DeliveryStatus status, int attempts, String reason);

    /** The outbound messages still pending, oldest first. */
    Future<List<MessageRecord>> loadPending();

    /** The latest {@code limit} messages of a conversation on any connection, oldest first. */
    default Future<List<MessageRecord>> latest(String conversation, int limit) {
        return latest(null, conversation, limit);
    }

    /**
     * The latest {@code limit} messages of a conversation, oldest first.
     *
     * @param connection the connection's name, or {@code null} for the conversation of that name on any connection
     */
    Future<List<MessageRecord>> latest(String connection, String conversation, int limit);

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

    /**
     * Writes a consistent copy of the database into the folder {@code dir} (created if missing)
     * while the daemon keeps working, as a {@code .tar.gz} named after the database and the time.
     *
     * @return the archive written; fails with {@link StoreException} for a store that cannot
     */
    default Future<Path> backup(Path dir) {
        return Future.failedFuture(new StoreException("this history store keeps nothing on disk to back up", null));
    }

    /** The key-value store of the plugin {@code pluginId}, the same object at every call for the same ID. */
    KeyValueStore pluginStore(String pluginId);

    /** Flushes, then closes the database cleanly. */
    Future<Void> close();
}
