package io.imbot.core.testing;

import io.imbot.api.Conversation;
import io.imbot.api.DeliveryStatus;
import io.imbot.core.history.MessageRecord;
import io.imbot.core.history.MessageStore;
import io.imbot.core.history.StoreException;
import io.vertx.core.Future;
import java.util.List;

/**
 * A real store with a fault switch, like the reference server's {@code FaultOptions}: while
 * {@link #failInbound} is on, storing an inbound message fails as a full disk would make it fail.
 * Everything else goes to the real store.
 */
public final class FaultyStore implements MessageStore {

    private final MessageStore real;
    /** While true, {@link #saveInbound} fails. */
    public volatile boolean failInbound;

    public FaultyStore(MessageStore real) {
        this.real = real;
    }

    @Override
    public Future<Boolean> saveInbound(MessageRecord message) {
        return failInbound ? Future.failedFuture(new StoreException("injected: no space left on device", null)) : real.saveInbound(message);
    }

    @Override
    public Future<MessageRecord> saveOutbound(MessageRecord message) {
        return real.saveOutbound(message);
    }

    @Override
    public Future<MessageRecord> saveOutboundOnce(MessageRecord message) {
        return real.saveOutboundOnce(message);
    }

    @Override
    public Future<Void> markHandled(String from, String id) {
        return real.markHandled(from, id);
    }

    @Override
    public Future<List<MessageRecord>> loadUnhandled() {
        return real.loadUnhandled();
    }

    @Override
    public Future<Void> recordStatus(String id, DeliveryStatus status, int attempts, String reason) {
        return real.recordStatus(id, status, attempts, reason);
    }

    @Override
    public Future<List<MessageRecord>> loadPending() {
        return real.loadPending();
    }

    @Override
    public Future<List<MessageRecord>> latest(String connection, String conversation, int limit) {
        return real.latest(connection, conversation, limit);
    }

    @Override
    public Future<List<MessageRecord>> latest(int limit) {
        return real.latest(limit);
    }

    @Override
    public Future<List<Conversation>> conversations(int limit) {
        return real.conversations(limit);
    }

    @Override
    public Future<Void> flush() {
        return real.flush();
    }

    @Override
    public Future<Void> close() {
        return real.close();
    }

    @Override
    public io.imbot.api.KeyValueStore pluginStore(String pluginId) {
        return real.pluginStore(pluginId);
    }
}
