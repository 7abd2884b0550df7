package io.imbot.core.history;

import io.imbot.api.DeliveryStatus;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A store that keeps nothing across restarts, for short-lived clients such as {@code imbot send}
 * and {@code imbot chat}: they need the delivery engine's IDs, ACK tracking and retransmission, but
 * not durable history. It remembers the last inbound IDs so redeliveries are still shown once.
 * Nothing is left unhandled across a restart, since nothing survives one.
 *
 * <p>Confined to the engine's context, reads included: its lists are not thread-safe.
 */
public final class VolatileMessageStore implements MessageStore {

    private static final int REMEMBERED_IDS = 100_000;

    private final LinkedHashSet<String> seen = new LinkedHashSet<>();
    private final List<MessageRecord> recent = new ArrayList<>();

    @Override
    public Future<MessageRecord> saveOutbound(MessageRecord message) {
        remember(message);
        return Future.succeededFuture(message);
    }

    @Override
    public Future<Boolean> saveInbound(MessageRecord message) {
        if (!seen.add(message.from() + "\n" + message.id())) {
            return Future.succeededFuture(false);
        }
        if (seen.size() > REMEMBERED_IDS) {
            seen.remove(seen.iterator().next());
        }
        remember(message);
        return Future.succeededFuture(true);
    }

    @Override
    public Future<Void> recordStatus(String id, DeliveryStatus status, int attempts, String reason) {
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> markHandled(String from, String id) {
        return Future.succeededFuture();
    }

    @Override
    public Future<List<MessageRecord>> loadUnhandled() {
        return Future.succeededFuture(List.of());
    }

    @Override
    public Future<List<MessageRecord>> loadPending() {
        return Future.succeededFuture(List.of());
    }

    @Override
    public Future<List<MessageRecord>> latest(String conversation, int limit) {
        List<MessageRecord> of = recent.stream().filter(m -> m.conversation().equals(conversation)).toList();
        return Future.succeededFuture(List.copyOf(of.subList(Math.max(0, of.size() - limit), of.size())));
    }

    @Override
    public Future<List<MessageRecord>> latest(int limit) {
        return Future.succeededFuture(List.copyOf(recent.subList(Math.max(0, recent.size() - limit), recent.size())));
    }

    @Override
    public Future<Void> flush() {
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }

    private void remember(MessageRecord m) {
        recent.add(m);
        if (recent.size() > 1000) {
            recent.remove(0);
        }
    }
}
