package io.imbot.plugins.imbotconnector;

import io.imbot.api.connector.ConnectionSettings;
import io.imbot.api.connector.Connector;
import io.imbot.api.connector.ConnectorFactory;
import io.imbot.api.connector.ConnectorHost;
import io.vertx.core.Vertx;
import org.pf4j.Extension;

/** Connections of kind {@code imbot}: the native protocol, on the daemon's Vert.x. */
@Extension
public final class ImbotConnectorFactory implements ConnectorFactory {

    /** The kind a connection names to use this connector. */
    public static final String KIND = "imbot";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Connector create(ConnectionSettings settings, ConnectorHost host) {
        Vertx vertx = host.platform(Vertx.class)
                .orElseThrow(() -> new IllegalStateException("the imbot connector runs on the daemon's Vert.x, which the host does not offer"));
        return new ImbotConnector(vertx, ImbotOptions.from(settings, host::file));
    }
}
