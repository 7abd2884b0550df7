package io.imbot.core.plugin;

import io.imbot.api.DeliveryException;
import io.imbot.core.delivery.Inbound;
import io.vertx.core.Future;
import java.util.EnumSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One inbound message on its way through the bots, shared by the events each bot gets for it. It
 * counts as handled once every bot in the chain has finished (returned, failed or overrun its
 * budget) and every reply they requested while running is stored.
 */
final class Handling {

    /** Refusals that a later attempt may not meet: the message is left unhandled, to be shown again after a restart. */
    private static final Set<DeliveryException.Reason> TRY_AGAIN = EnumSet.of(
            DeliveryException.Reason.STOPPED, DeliveryException.Reason.STORE_FAILED, DeliveryException.Reason.UNAVAILABLE);

    final Inbound inbound;
    private final Queue<Future<String>> replies = new ConcurrentLinkedQueue<>();
    private volatile boolean markedHandled;
    /** Set on the host's context when a bot was skipped because the host is stopping. */
    boolean cutShort;

    Handling(Inbound inbound) {
        this.inbound = inbound;
    }

    /** A bot marked the message handled: the bots after it do not see it. */
    void markHandled() {
        markedHandled = true;
    }

    boolean isMarkedHandled() {
        return markedHandled;
    }

    /** A reply requested while a bot ran; the message is handled only once it is stored. */
    void addReply(Future<String> stored) {
        replies.add(stored);
    }

    /**
     * Completes once every reply requested so far is stored or refused: {@code true} when the
     * message may be recorded as handled, {@code false} when a reply may still succeed later.
     */
    Future<Boolean> repliesSettled() {
        List<Future<String>> all = List.copyOf(replies);
        if (all.isEmpty()) {
            return Future.succeededFuture(true);
        }
        return Future.join(all).transform(ignored -> Future.succeededFuture(all.stream().noneMatch(Handling::mayYetSucceed)));
    }

    private static boolean mayYetSucceed(Future<String> stored) {
        return stored.failed() && (!(stored.cause() instanceof DeliveryException e) || TRY_AGAIN.contains(e.reason()));
    }
}
