package io.imbot.testkit;

import io.imbot.api.ChatMessage;
import io.imbot.api.Delivery;
import io.imbot.api.DeliveryException;
import io.imbot.api.DeliveryStatus;
import io.imbot.api.Direction;
import java.util.ArrayList;
import java.util.HashSet;
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

    /** Stores an inbound message; returns {@code false} for an ID already stored (a redelivery). */
    synchronized boolean storeInbound(ChatMessage message) {
        if (!inboundIds.add(message.id())) {
            return false;
        }
        messages.add(message);
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
            messages.add(new ChatMessage(id, Direction.OUTBOUND, to, botUser, to, text, clock.instant(), status));
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

    synchronized long acknowledged() {
        return acknowledged;
    }

    synchronized long received() {
        return received;
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
