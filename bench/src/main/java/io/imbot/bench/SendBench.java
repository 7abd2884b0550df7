package io.imbot.bench;

import io.imbot.api.connector.ConnectionSettings;
import io.imbot.api.connector.Connector;
import io.imbot.plugins.mqttconnector.MqttConnectorFactory;
import io.imbot.testsupport.Mosquitto;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Part 1 and 2: send + ACK through the bare socket, the daemon path on in-memory and durable
 * HSQLDB, MQTT QoS 1 bare (Paho, Vert.x) and through imbot's MQTT connector; plain batched durable inserts; the durable path at a fixed offered rate; the
 * in-memory path over TLS, WebSocket and WebSocket over TLS.
 */
final class SendBench {

    static final int[] WINDOWS = {1, 100, 1000};

    private final Vertx vertx;
    private final Options o;
    private final Samples s;
    private final int serverPort;
    private final Wires wires;

    SendBench(Vertx vertx, Options o, Samples s, int serverPort, Wires wires) {
        this.vertx = vertx;
        this.o = o;
        this.s = s;
        this.serverPort = serverPort;
        this.wires = wires;
    }

    void runOnce() throws Exception {
        for (int w : WINDOWS) {
            raw(w);
            engine(w, false);
            engine(w, true);
        }
        for (String wire : Wires.NAMES) {
            overWire(wire, 1000);
        }
        s.add("plain.rate", PlainInserts.rowsPerSecond(vertx, 1000, o.quick() ? 1 : 5));
        durableAtRate(o.quick() ? 500 : 5000);
    }

    private void raw(int w) throws Exception {
        RawSendTarget t = RawSendTarget.connect(vertx, serverPort, Env.uniqueUser("raw"));
        try {
            s.record("raw.w" + w, Load.closedLoop(t.context(), t, w, o.warmup(), o.measure()), o);
        } finally {
            t.close();
        }
    }

    private void engine(int w, boolean durable) throws Exception {
        String key = (durable ? "durable" : "mem") + ".w" + w;
        EngineTarget t = EngineTarget.start(vertx, serverPort, Env.uniqueUser(durable ? "dur" : "mem"), durable);
        try {
            s.record(key, Load.closedLoop(t.context(), t, w, o.warmup(), o.measure()), o);
        } finally {
            t.close();
        }
    }

    /** Row 1b's path at window {@code w} over TLS, WebSocket or both, against the same server JVM. */
    private void overWire(String wire, int w) throws Exception {
        EngineTarget t = EngineTarget.start(vertx, wires.port(wire), wires.transport(wire), Env.uniqueUser(wire), false);
        try {
            s.record("wire." + wire + ".w" + w, Load.closedLoop(t.context(), t, w, o.warmup(), o.measure()), o);
        } finally {
            t.close();
        }
    }

    private void durableAtRate(int rate) throws Exception {
        EngineTarget t = EngineTarget.start(vertx, serverPort, Env.uniqueUser("rate"), true);
        try {
            Load.Result r = Load.openLoop(t.context(), t, rate, o.warmup(), o.quick() ? 1 : 8, rate * 2);
            s.record("durable.r" + rate, r, o);
        } finally {
            t.close();
        }
    }

    /** Row 2: Paho and Vert.x's MQTT client publishing bare, then the daemon path through the MQTT connector, one broker. */
    void mqttOnce() throws Exception {
        if (Mosquitto.binary() == null) {
            s.note("mqtt.", "unavailable: mosquitto is not installed (apt-get install mosquitto)");
            return;
        }
        Path dir = Env.tempDir("mosquitto-");
        try (Mosquitto broker = Mosquitto.start(dir, Duration.ofSeconds(20))) {
            for (int w : WINDOWS) {
                MqttTarget paho = MqttTarget.connect(broker.port(), Env.uniqueUser("paho"), w);
                try {
                    s.record("mqtt.w" + w, Load.closedLoopDirect(paho, w, o.warmup(), o.measure()), o);
                } finally {
                    paho.close();
                }
                VertxMqttTarget bare = VertxMqttTarget.connect(vertx, broker.port(), Env.uniqueUser("vmqtt"), w);
                try {
                    s.record("mqtt.vertx.w" + w, Load.closedLoop(bare.context(), bare, w, o.warmup(), o.measure()), o);
                } finally {
                    bare.close();
                }
                EngineTarget engine = mqttEngine(broker.port(), Env.uniqueUser("mqttc"));
                try {
                    s.record("mqtt.connector.w" + w, Load.closedLoop(engine.context(), engine, w, o.warmup(), o.measure()), o);
                } finally {
                    engine.close();
                }
            }
        } catch (IllegalStateException e) {
            s.note("mqtt.", "unavailable: " + e.getMessage());
        } finally {
            Env.deleteTree(dir);
        }
    }

    /** The daemon's send path (in-memory HSQLDB) through the MQTT connector plugin, to a user topic nobody reads. */
    private EngineTarget mqttEngine(int port, String user) throws Exception {
        ConnectionSettings settings = new ConnectionSettings("bench", "mqtt", "mqtt://127.0.0.1:" + port, user, "", List.of(),
                Duration.ofMillis(100), Duration.ofSeconds(1), Map.of());
        Connector connector = new MqttConnectorFactory().create(settings, NetworkBench.host(vertx, "mqtt"));
        return EngineTarget.start(vertx, connector, user, "nobody-" + user, false);
    }
}
