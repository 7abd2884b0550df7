package io.imbot.bench;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The second MQTT anchor and the bare library under imbot's MQTT connector: Vert.x's MQTT client
 * publishing at QoS 1 to mosquitto from one event loop; each message ends at its PUBACK. Same body
 * bytes and a topic with no subscriber, like the other rows.
 */
final class VertxMqttTarget implements Load.Target {

    private final MqttClient client;
    private final Context context;
    private final String topic;
    private final Buffer payload = Buffer.buffer(Payload.BODY);
    private final Map<Integer, Load.Done> awaiting = new HashMap<>();
    private final Set<Integer> earlyAcks = new HashSet<>(); // a PUBACK can overtake its publish's completion

    private VertxMqttTarget(MqttClient client, Context context, String topic) {
        this.client = client;
        this.context = context;
        this.topic = topic;
    }

    static VertxMqttTarget connect(Vertx vertx, int port, String clientId, int window) throws Exception {
        Context ctx = vertx.getOrCreateContext();
        MqttClient c = MqttClient.create(vertx, new MqttClientOptions().setClientId(clientId).setCleanSession(true)
                .setMaxInflightQueue(Math.min(65_000, window * 2 + 10)).setKeepAliveInterval(60));
        VertxMqttTarget t = new VertxMqttTarget(c, ctx, "bench/" + clientId);
        c.publishCompletionHandler(t::acked);
        CompletableFuture<Void> up = new CompletableFuture<>();
        ctx.runOnContext(v -> c.connect(port, "127.0.0.1").onComplete(ar -> {
            if (ar.succeeded()) {
                up.complete(null);
            } else {
                up.completeExceptionally(ar.cause());
            }
        }));
        up.get(10, TimeUnit.SECONDS);
        return t;
    }

    Context context() {
        return context;
    }

    @Override
    public void send(long seq, Load.Done done) {
        client.publish(topic, payload, MqttQoS.AT_LEAST_ONCE, false, false).onComplete(ar -> {
            if (ar.failed()) {
                done.ended(false);
            } else if (earlyAcks.remove(ar.result())) {
                done.ended(true);
            } else {
                awaiting.put(ar.result(), done);
            }
        });
    }

    private void acked(int packetId) {
        Load.Done done = awaiting.remove(packetId);
        if (done != null) {
            done.ended(true);
        } else {
            earlyAcks.add(packetId);
        }
    }

    void close() throws Exception {
        CompletableFuture<Void> down = new CompletableFuture<>();
        context.runOnContext(v -> client.disconnect().onComplete(ar -> down.complete(null)));
        down.get(5, TimeUnit.SECONDS);
    }
}
