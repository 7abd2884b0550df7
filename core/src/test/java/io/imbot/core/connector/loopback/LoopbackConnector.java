package io.imbot.core.connector.loopback;

import io.imbot.api.connector.Connector;
import io.imbot.api.connector.ConnectorListener;
import io.imbot.api.connector.DeliveryGuarantee;
import io.imbot.api.connector.InboundMessage;
import io.imbot.api.connector.OutboundMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A connector that calls the engine from a thread of its own, as a connector built on another
 * library would. Its users are written {@code @name}, which the native protocol would refuse.
 */
public final class LoopbackConnector implements Connector {

    private final LoopbackNetwork network;
    private final String url;
    private final DeliveryGuarantee guarantee;
    private final List<String> nicknames;
    private final ExecutorService thread;
    private volatile ConnectorListener listener;
    private volatile boolean ready;

    LoopbackConnector(LoopbackNetwork network, String url, DeliveryGuarantee guarantee, List<String> nicknames) {
        this.network = network;
        this.url = url;
        this.guarantee = guarantee;
        this.nicknames = List.copyOf(nicknames);
        this.thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "loopback-connector"));
    }

    @Override
    public DeliveryGuarantee guarantee() {
        return guarantee;
    }

    @Override
    public String checkAddress(String address) {
        return address.length() > 1 && (address.startsWith("@") || address.startsWith("#")) ? null : "loopback addresses start with @ or #";
    }

    @Override
    public void start(ConnectorListener engine) {
        listener = engine;
        thread.execute(() -> {
            ready = true;
            network.attach(this::deliver);
            engine.onReady();
        });
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public boolean writable() {
        return ready;
    }

    @Override
    public void send(OutboundMessage message) {
        network.sent.add(message);
        thread.execute(() -> listener.onAck(message.id())); // written; for NONE that is all a confirmation means
    }

    @Override
    public void acknowledge(String from, String id) {
        network.confirmed.add(from + "/" + id);
    }

    /** Hands a message to the engine from the connector's own thread. */
    public void deliver(InboundMessage message) {
        thread.execute(() -> listener.onMessage(message));
    }

    @Override
    public CompletionStage<Void> stop() {
        ready = false;
        thread.shutdown();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public List<String> nicknames() {
        return nicknames;
    }

    @Override
    public String describe() {
        return url;
    }
}
