package io.imbot.testkit;

import io.imbot.api.ChatMessage;
import io.imbot.api.Conversation;
import io.imbot.api.Delivery;
import io.imbot.api.DeliveryException;
import io.imbot.api.DeliveryStatus;
import io.imbot.api.Direction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The tester's stand-in for the delivery engine and the history: every message in and out, in
 * order, with IDs {@code in-N} and {@code out-N}. Sends end at once, acknowledged or failed with the
 * reason a test chose. Guarded by this object's lock.
 */
final class Mailbox {

    private final String botUser;
    private final ManualClock clock;
    private final List<ChatMessage> messages = new ArrayList<>();
    private final Set<String> inboundIds = new HashSet<>();
    /** Least recently active first: a conversation moves to the end with each stored message. */
    private final LinkedHashMap<String, Conversation> conversations = new LinkedHashMap<>();
    private long nextIn = 1;
    private long nextOut = 1;
    private long acknowledged;
    private long received;
    private DeliveryException.Reason failWith;

    Mailbox(String botUser, ManualClock clock) {
        this.botUser = botUser;
        this.clock = clock;
    }

    /** Builds an inbound message to the bot (or to {@code room}) without storing it. */
    synchronized ChatMessage newInbound(String room, String from, String text) {
        String to = room == null ? botUser : room;
        String conversation = room == null ? from : room;
        return new ChatMessage(
                "in-" + nextIn++, Direction.INBOUND, conversation, from, to, text, clock.instant(), DeliveryStatus.RECEIVED);
    }

    /** Whether an inbound message with this ID was stored. */
    synchronized boolean hasInbound(String id) {
        return inboundIds.contains(id);
    }

    /** Stores an inbound message; returns {@code false} for an ID already stored (a redelivery). */
    synchronized boolean storeInbound(ChatMessage message) {
        if (!inboundIds.add(message.id())) {
            return false;
        }
        store(message);
        received++;
        return true;
    }

    /** Sends as the delivery engine would, but ends at once; see {@link BotTester#failSends}. */
    CompletionStage<Delivery> send(String to, String text) {
        if (to == null || to.isBlank() || (ChatMessage.isRoom(to) && to.length() < 2)) {
            return invalid("recipient must be a user name or #room, was '" + to + "'");
        }
        if (text == null || text.isEmpty()) {
            return invalid("text must not be empty");
        }
        synchronized (this) {
            String id = "out-" + nextOut++;
            DeliveryException.Reason reason = failWith;
            DeliveryStatus status = reason == null ? DeliveryStatus.ACKNOWLEDGED : statusFor(reason);
            store(new ChatMessage(id, Direction.OUTBOUND, to, botUser, to, text, clock.instant(), status));
            if (reason == null) {
                acknowledged++;
                return CompletableFuture.completedStage(new Delivery(id, DeliveryStatus.ACKNOWLEDGED, 1));
            }
            return CompletableFuture.failedStage(
                    new DeliveryException(reason, id, "send failed in test: " + reason));
        }
    }

    synchronized void failWith(DeliveryException.Reason reason) {
        this.failWith = reason;
    }

    /** Every outbound message so far, oldest first. */
    synchronized List<ChatMessage> sent() {
        return messages.stream().filter(m -> m.direction() == Direction.OUTBOUND).toList();
    }

    /** How many outbound messages there are; {@code sent().subList(n, ...)} are the newer ones. */
    synchronized int sentCount() {
        return (int) messages.stream().filter(m -> m.direction() == Direction.OUTBOUND).count();
    }

    /** Every message of a conversation, oldest first. */
    synchronized List<ChatMessage> history(String conversation) {
        return messages.stream().filter(m -> m.conversation().equals(conversation)).toList();
    }

    /**
     * The conversations, most recently active first, as the daemon's history keeps them: the
     * latest message (stored now), the message count, and the inbound messages since the last
     * outbound one.
     */
    synchronized List<Conversation> conversations(int limit) {
        List<Conversation> newestFirst = new ArrayList<>(conversations.values());
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
    }

    synchronized long acknowledged() {
        return acknowledged;
    }

    synchronized long received() {
        return received;
    }

    private void store(ChatMessage m) {
        messages.add(m);
        Conversation before = conversations.remove(m.conversation());
        long count = before == null ? 0 : before.messageCount();
        long unanswered = before == null ? 0 : before.unanswered();
        conversations.put(m.conversation(), new Conversation(m.conversation(), m.id(), m.direction(), m.from(),
                Conversation.preview(m.body()), clock.instant(), count + 1, m.direction() == Direction.INBOUND ? unanswered + 1 : 0));
    }

    private static DeliveryStatus statusFor(DeliveryException.Reason reason) {
        return switch (reason) {
            case TIMED_OUT, DEADLINE_EXCEEDED -> DeliveryStatus.TIMED_OUT;
            default -> DeliveryStatus.FAILED;
        };
    }

    private static CompletionStage<Delivery> invalid(String why) {
        return CompletableFuture.failedStage(new DeliveryException(DeliveryException.Reason.INVALID, null, why));
    }
}
