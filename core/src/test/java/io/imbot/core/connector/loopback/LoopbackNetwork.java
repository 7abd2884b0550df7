package io.imbot.core.connector.loopback;

import io.imbot.api.connector.InboundMessage;
import io.imbot.api.connector.OutboundMessage;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A pretend IM network inside the test JVM, by URL. Deliberately not packed into the loopback
 * connector's plugin jar: the plugin's class loader finds it on the test class path, so the test
 * and the connector share one registry.
 */
public final class LoopbackNetwork {

    private static final Map<String, LoopbackNetwork> BY_URL = new ConcurrentHashMap<>();

    /** What the daemon wrote, in order. */
    public final BlockingQueue<OutboundMessage> sent = new LinkedBlockingQueue<>();
    /** The inbound messages the daemon confirmed, as {@code from/id}. */
    public final BlockingQueue<String> confirmed = new LinkedBlockingQueue<>();
    /** The attached connector's way in; a JDK type, since the connector's class comes from the plugin's own loader. */
    private final BlockingQueue<Consumer<InboundMessage>> attached = new LinkedBlockingQueue<>(1);

    /** The network at {@code url}, made on first use. */
    public static LoopbackNetwork at(String url) {
        return BY_URL.computeIfAbsent(url, u -> new LoopbackNetwork());
    }

    /** Called by the connector (public: it comes from the plugin's class loader, another runtime package). */
    public void attach(Consumer<InboundMessage> connector) {
        attached.offer(connector);
    }

    /** Hands {@code message} to the connector once one has attached, waiting up to {@code seconds}. */
    public void deliver(InboundMessage message, long seconds) throws InterruptedException {
        Consumer<InboundMessage> c = attached.poll(seconds, TimeUnit.SECONDS);
        if (c == null) {
            throw new AssertionError("no connector attached to this loopback network within " + seconds + " s");
        }
        attached.offer(c);
        c.accept(message);
    }
}
