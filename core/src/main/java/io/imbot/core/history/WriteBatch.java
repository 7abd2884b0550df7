package io.imbot.core.history;

import io.imbot.api.DeliveryStatus;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/** Everything written in one transaction, with the promises to complete once it commits. */
final class WriteBatch {

    /** One status change of an outbound message. */
    record StatusChange(String connection, String sender, String id, DeliveryStatus status, int attempts, long at, String reason) {}

    /** An inbound message whose bots are done. */
    record Handled(String connection, String from, String id) {}

    /** What the transaction found: which messages were new, and what was stored before for outbound IDs that were not. */
    record Result(MessageRecord[] outbound, boolean[] inboundIsNew) {}

    final List<MessageRecord> outbound = new ArrayList<>();
    /** For each outbound message: whether its ID may be stored already (see {@link MessageStore#saveOutboundOnce}). */
    final List<Boolean> outboundOnce = new ArrayList<>();
    final List<Promise<MessageRecord>> outboundDone = new ArrayList<>();
    final List<MessageRecord> inbound = new ArrayList<>();
    final List<Promise<Boolean>> inboundDone = new ArrayList<>();
    final List<StatusChange> statuses = new ArrayList<>();
    final List<Promise<Void>> statusDone = new ArrayList<>();
    final List<Handled> handled = new ArrayList<>();
    final List<Promise<Void>> handledDone = new ArrayList<>();
    /** Outbound and inbound messages in the order they were handed over, for "latest of conversation". */
    final List<MessageRecord> arrivals = new ArrayList<>();

    int size() {
        return outbound.size() + inbound.size() + statuses.size() + handled.size();
    }

    void succeed(Result result) {
        for (int i = 0; i < outboundDone.size(); i++) {
            outboundDone.get(i).complete(result.outbound()[i]);
        }
        for (int i = 0; i < inboundDone.size(); i++) {
            inboundDone.get(i).complete(result.inboundIsNew()[i]);
        }
        statusDone.forEach(p -> p.complete());
        handledDone.forEach(p -> p.complete());
    }

    void fail(Throwable cause) {
        StoreException e = cause instanceof StoreException se ? se : new StoreException("write failed: " + cause.getMessage(), cause);
        outboundDone.forEach(p -> p.fail(e));
        inboundDone.forEach(p -> p.fail(e));
        statusDone.forEach(p -> p.fail(e));
        handledDone.forEach(p -> p.fail(e));
    }
}
