package io.imbot.core.delivery;

import io.imbot.api.connector.OutboundMessage;
import io.vertx.core.Promise;

/** One accepted outbound message that has not ended yet. Touched only on the engine's event loop. */
final class Pending {

    enum State {
        /** Being written to the store; not sendable yet. */
        STORING,
        /** Stored; waiting for a free slot in the window or for the connection. */
        READY,
        /** Written to the connection; its ACK timer runs. */
        IN_FLIGHT,
        /** Ended; ignored wherever it is still referenced. */
        DONE
    }

    final OutboundMessage message;
    /** Monotonic nanoTime after which the message may no longer be sent. */
    final long deadline;
    /** Completed with the outcome; callers (none for a message recovered after a restart) listen to it. */
    final Promise<DeliveryOutcome> promise;
    /** Who waits for the message to be durable; only while STORING, {@code null} when nobody does. */
    Promise<String> stored;
    State state = State.STORING;
    int attempts;
    /** Monotonic nanoTime of the first transmission, for the ACK latency. */
    long firstWriteNanos;
    long timerId = -1;

    Pending(OutboundMessage message, long deadline, Promise<DeliveryOutcome> promise) {
        this.message = message;
        this.deadline = deadline;
        this.promise = promise;
    }

    String id() {
        return message.id();
    }
}
