package io.imbot.bench;

import io.imbot.protocol.Frame;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Baseline (a): a bare Vert.x NetSocket sender. Frames the same JSON message as the daemon (through
 * the protocol's codec), matches ACKs by ID in a HashMap; no timers, no database, no event bus.
 */
final class RawSendTarget implements Load.Target {

    private final RawClient client;
    private final String room;
    private final String idPrefix;
    private final Map<String, Load.Done> waiting = new HashMap<>();

    private RawSendTarget(RawClient client, String room, String idPrefix) {
        this.client = client;
        this.room = room;
        this.idPrefix = idPrefix;
        client.onFrame(f -> {
            if (f instanceof Frame.Ack a) {
                Load.Done d = waiting.remove(a.id());
                if (d != null) {
                    d.ended(true);
                }
            } else if (f instanceof Frame.Error e && !e.ref().isEmpty()) {
                Load.Done d = waiting.remove(e.ref());
                if (d != null) {
                    d.ended(false);
                }
            }
        });
    }

    static RawSendTarget connect(io.vertx.core.Vertx vertx, int port, String user) throws Exception {
        String room = "#sink-" + user;
        RawClient c = RawClient.connect(vertx, port, user, List.of(room)).toCompletionStage().toCompletableFuture().get();
        return new RawSendTarget(c, room, user.substring(0, Math.min(12, user.length())) + "-");
    }

    io.vertx.core.Context context() {
        return client.ctx;
    }

    @Override
    public void send(long seq, Load.Done done) {
        String id = idPrefix + Long.toString(seq, 36);
        waiting.put(id, done);
        client.write(new Frame.Msg(id, "", room, Payload.BODY, System.currentTimeMillis()));
    }

    void close() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get();
    }
}
