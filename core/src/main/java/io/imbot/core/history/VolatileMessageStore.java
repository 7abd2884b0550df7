package io.imbot.core.history;

import io.imbot.api.Conversation;
import io.imbot.api.DeliveryStatus;
import io.imbot.api.Direction;
import io.imbot.api.KeyValueStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A store that keeps nothing across restarts, for short-lived clients such as {@code imbot send}
 * and {@code imbot chat}: they need the delivery engine's IDs, ACK tracking and retransmission, but
 * not durable history. It remembers the last inbound IDs so redeliveries are still shown once, and
 * the latest message and unanswered count of the most recently active conversations. Nothing is
 * left unhandled across a restart, since nothing survives one.
 *
 * <p>Confined to the engine's context, reads included: its lists are not thread-safe.
 */
public final class VolatileMessageStore implements MessageStore {

    private final Map<String, KeyValueStore> pluginStores = new ConcurrentHashMap<>();

    /** In memory, like everything here. */
    @Override
    public KeyValueStore pluginStore(String pluginId) {
        return pluginStores.computeIfAbsent(pluginId, id -> KeyValueStore.inMemory());
    }

    private static final int REMEMBERED_IDS = 100_000;
    private static final int REMEMBERED_CONVERSATIONS = 10_000;

    private final LinkedHashSet<String> seen = new LinkedHashSet<>();
    private final List<MessageRecord> recent = new ArrayList<>();
    /** Least recently active first: a conversation moves to the end with each message. */
    private final LinkedHashMap<String, Conversation> conversations = new LinkedHashMap<>();

    @Override
    public Future<MessageRecord> saveOutbound(MessageRecord message) {
        remember(message);
        return Future.succeededFuture(message);
    }

    @Override
    public Future<MessageRecord> saveOutboundOnce(MessageRecord message) {
        return saveOutbound(message);
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
    public Future<List<MessageRecord>> latest(String connection, String conversation, int limit) {
        List<MessageRecord> of = recent.stream()
                .filter(m -> m.conversation().equals(conversation) && (connection == null || m.connection().equals(connection)))
                .toList();
        return Future.succeededFuture(List.copyOf(of.subList(Math.max(0, of.size() - limit), of.size())));
    }

    @Override
    public Future<List<MessageRecord>> latest(int limit) {
        return Future.succeededFuture(List.copyOf(recent.subList(Math.max(0, recent.size() - limit), recent.size())));
    }

    @Override
    public Future<List<Conversation>> conversations(int limit) {
        List<Conversation> newestFirst = new ArrayList<>(conversations.values());
        Collections.reverse(newestFirst);
        return Future.succeededFuture(List.copyOf(newestFirst.subList(0, Math.min(Math.max(limit, 1), newestFirst.size()))));
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
        Conversation before = conversations.remove(m.conversation());
        long count = before == null ? 0 : before.messageCount();
        long unanswered = before == null ? 0 : before.unanswered();
        conversations.put(m.conversation(), new Conversation(m.conversation(), m.id(), m.direction(), m.from(),
                Conversation.preview(m.body()), Instant.now(), count + 1, m.direction() == Direction.INBOUND ? unanswered + 1 : 0));
        if (conversations.size() > REMEMBERED_CONVERSATIONS) {
            conversations.remove(conversations.keySet().iterator().next());
        }
    }
}
