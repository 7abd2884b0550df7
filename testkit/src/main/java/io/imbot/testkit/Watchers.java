package io.imbot.testkit;

import io.imbot.api.Cancellable;
import io.imbot.api.ConnectionChange;
import io.imbot.api.DeliveryUpdate;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The delivery-status and connection listeners bots registered. As in the daemon, a listener
 * never runs inside the call that caused its event: events queue up and {@link #flush} hands them
 * out once the tester's current call into the bots has returned. Failures are recorded as the
 * listening bot's.
 */
final class Watchers {

    private record Watcher<T>(String bot, String what, Consumer<T> listener) {}

    private final FailureLog failures;
    private final List<Watcher<DeliveryUpdate>> delivery = new CopyOnWriteArrayList<>();
    private final List<Watcher<ConnectionChange>> connection = new CopyOnWriteArrayList<>();
    private final ArrayDeque<Runnable> queued = new ArrayDeque<>();

    Watchers(FailureLog failures) {
        this.failures = failures;
    }

    Cancellable onDelivery(String bot, Consumer<DeliveryUpdate> listener) {
        return add(delivery, new Watcher<>(bot, "delivery status listener", listener));
    }

    Cancellable onConnection(String bot, Consumer<ConnectionChange> listener) {
        return add(connection, new Watcher<>(bot, "connection listener", listener));
    }

    private static <T> Cancellable add(List<Watcher<T>> list, Watcher<T> watcher) {
        list.add(watcher);
        return () -> list.remove(watcher);
    }

    synchronized void delivered(DeliveryUpdate update) {
        queue(delivery, update);
    }

    synchronized void connectionChanged(ConnectionChange change) {
        queue(connection, change);
    }

    private <T> void queue(List<Watcher<T>> list, T event) {
        for (Watcher<T> w : list) {
            queued.addLast(() -> failures.call(w.bot(), w.what(), () -> w.listener().accept(event)));
        }
    }

    /** Calls the listeners for every queued event, in order, including events those calls cause. */
    void flush() {
        Runnable next;
        while ((next = poll()) != null) {
            next.run();
        }
    }

    private synchronized Runnable poll() {
        return queued.pollFirst();
    }
}
