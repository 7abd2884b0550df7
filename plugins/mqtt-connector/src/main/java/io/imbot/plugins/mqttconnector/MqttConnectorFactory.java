package io.imbot.plugins.mqttconnector;

import io.imbot.api.connector.ConnectionSettings;
import io.imbot.api.connector.Connector;
import io.imbot.api.connector.ConnectorFactory;
import io.imbot.api.connector.ConnectorHost;
import io.vertx.core.Vertx;
import org.pf4j.Extension;

/** Connections of kind {@code mqtt}: an MQTT 3.1.1 broker, on the daemon's Vert.x. */
@Extension
public final class MqttConnectorFactory implements ConnectorFactory {

    /** The kind a connection names to use this connector. */
    public static final String KIND = "mqtt";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Connector create(ConnectionSettings settings, ConnectorHost host) {
        Vertx vertx = host.platform(Vertx.class)
                .orElseThrow(() -> new IllegalStateException("the MQTT connector runs on the daemon's Vert.x, which the host does not offer"));
        return new MqttConnector(vertx, MqttSettings.from(settings, host::file));
    }
}
