package io.imbot.bench;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import java.nio.charset.StandardCharsets;

/**
 * The peer anchor: Eclipse Paho's asynchronous client publishing at QoS 1 to mosquitto; each
 * message ends when its PUBACK arrives. Same body bytes as the imbot rows; the topic has no
 * subscriber, as the imbot rows send to a room with no other member.
 */
final class MqttTarget implements Load.Target {

    private final MqttAsyncClient client;
    private final String topic;
    private final byte[] payload = Payload.BODY.getBytes(StandardCharsets.UTF_8);

    private MqttTarget(MqttAsyncClient client, String topic) {
        this.client = client;
        this.topic = topic;
    }

    static MqttTarget connect(int port, String clientId, int window) throws Exception {
        MqttAsyncClient c = new MqttAsyncClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(60);
        o.setMaxInflight(Math.min(65_000, window * 2 + 10)); // a completed token may still count for a moment
        c.connect(o).waitForCompletion(10_000);
        return new MqttTarget(c, "bench/" + clientId);
    }

    @Override
    public void send(long seq, Load.Done done) {
        try {
            client.publish(topic, payload, 1, false, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    done.ended(true);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    done.ended(false);
                }
            });
        } catch (Exception e) {
            done.ended(false);
        }
    }

    void close() throws Exception {
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }
}
