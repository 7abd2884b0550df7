package io.imbot.core.history;

import io.imbot.api.ChatMessage;
import io.imbot.api.DeliveryStatus;
import io.imbot.api.Direction;
import java.time.Instant;

/**
 * A message as the store keeps it.
 *
 * @param seq the store's order of arrival (0 before the message is stored)
 * @param createdAt the sender's timestamp, epoch milliseconds
 * @param connection the connection it came in or went out on
 */
public record MessageRecord(
        long seq,
        Direction direction,
        String id,
        String conversation,
        String from,
        String to,
        String body,
        long createdAt,
        DeliveryStatus status,
        int attempts,
        String connection) {

    /** A record on the {@value ChatMessage#DEFAULT_CONNECTION} connection. */
    public MessageRecord(long seq, Direction direction, String id, String conversation, String from, String to, String body,
            long createdAt, DeliveryStatus status, int attempts) {
        this(seq, direction, id, conversation, from, to, body, createdAt, status, attempts, ChatMessage.DEFAULT_CONNECTION);
    }

    /** An outbound message about to be sent by {@code self}, stored as pending. */
    public static MessageRecord outbound(String id, String self, String to, String body, long createdAt) {
        return new MessageRecord(0, Direction.OUTBOUND, id, to, self, to, body, createdAt, DeliveryStatus.PENDING, 0);
    }

    /** An inbound message; its conversation is the room, or the sender for a direct message. */
    public static MessageRecord inbound(String id, String from, String to, String body, long createdAt) {
        String conversation = ChatMessage.isRoom(to) ? to : from;
        return new MessageRecord(0, Direction.INBOUND, id, conversation, from, to, body, createdAt, DeliveryStatus.RECEIVED, 0);
    }

    /** A copy with {@code seq} set. */
    public MessageRecord withSeq(long value) {
        return new MessageRecord(value, direction, id, conversation, from, to, body, createdAt, status, attempts, connection);
    }

    /** A copy on the connection {@code name}. */
    public MessageRecord withConnection(String name) {
        return name.equals(connection) ? this
                : new MessageRecord(seq, direction, id, conversation, from, to, body, createdAt, status, attempts, name);
    }

    /** The plugin API's view of this record. */
    public ChatMessage toChatMessage() {
        return new ChatMessage(id, direction, conversation, from, to, body, Instant.ofEpochMilli(createdAt), status, connection);
    }
}
