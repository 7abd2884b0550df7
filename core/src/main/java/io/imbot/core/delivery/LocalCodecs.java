package io.imbot.core.delivery;

import io.imbot.api.ConnectionChange;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.util.List;

/**
 * Lets the message center's records travel on the event bus as they are: by reference, inside one
 * JVM. They are immutable, so sharing them is safe. A clustered event bus would need wire codecs
 * for the addresses that cross nodes; until then, sending one off the JVM fails loudly.
 */
public final class LocalCodecs {

    private static final List<Class<?>> TYPES =
            List.of(SendRequest.class, DeliveryOutcome.class, Inbound.class, ConnectionChange.class);

    private LocalCodecs() {}

    /** Registers the codecs on {@code vertx}'s event bus; registering twice does nothing. */
    public static void register(Vertx vertx) {
        synchronized (vertx) {
            for (Class<?> type : TYPES) {
                register(vertx, type);
            }
        }
    }

    private static <T> void register(Vertx vertx, Class<T> type) {
        try {
            vertx.eventBus().registerDefaultCodec(type, new ByReference<>(type));
        } catch (IllegalStateException alreadyRegistered) {
            // another message center on this Vert.x registered it first
        }
    }

    /** Passes the object itself to local consumers. */
    private record ByReference<T>(Class<T> type) implements MessageCodec<T, T> {

        @Override
        public void encodeToWire(Buffer buffer, T value) {
            throw new UnsupportedOperationException(type.getSimpleName() + " has no wire form: it travels only inside one JVM");
        }

        @Override
        public T decodeFromWire(int pos, Buffer buffer) {
            throw new UnsupportedOperationException(type.getSimpleName() + " has no wire form: it travels only inside one JVM");
        }

        @Override
        public T transform(T value) {
            return value;
        }

        @Override
        public String name() {
            return "imbot.local." + type.getSimpleName();
        }

        @Override
        public byte systemCodecID() {
            return -1;
        }
    }
}
