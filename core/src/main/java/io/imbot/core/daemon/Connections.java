package io.imbot.core.daemon;

import io.imbot.api.connector.ConnectionSettings;
import io.imbot.api.connector.Connector;
import io.imbot.api.connector.ConnectorFactory;
import io.imbot.api.connector.ConnectorHost;
import io.imbot.core.config.ConfigException;
import io.imbot.core.config.ImbotConfig;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns configured connections into connectors, through whichever connector factory names their kind. */
final class Connections {

    /** The one connection of a configuration without a {@code connections} list: the reference server's protocol. */
    static final String DEFAULT_NAME = "main";
    static final String DEFAULT_KIND = "imbot";

    private Connections() {}

    /** The single connection that {@code bot.*} and {@code server.*} describe, to {@code port}. */
    static ConnectionSettings fromServerSection(ImbotConfig config, int port, String token) {
        ImbotConfig.Server s = config.server();
        String host = s.host().contains(":") ? "[" + s.host() + "]" : s.host();
        return new ConnectionSettings(DEFAULT_NAME, DEFAULT_KIND, "tcp://" + host + ":" + port, config.bot().user(), token,
                config.bot().rooms(), s.reconnect().initialDelay(), s.reconnect().maxDelay(),
                Map.of("maxFrameBytes", s.maxFrameBytes(), "connectTimeout", s.connectTimeout(), "heartbeat", s.heartbeat(),
                        "heartbeatTimeout", s.heartbeatTimeout(), "resetAfter", s.reconnect().resetAfter()));
    }

    /**
     * Makes the connector of {@code settings} with the factory of its kind.
     *
     * @throws ConfigException when no factory has that kind, or the factory refuses the settings
     */
    static Connector create(List<ConnectorFactory> factories, ConnectionSettings settings, Vertx vertx) throws ConfigException {
        ConnectorFactory factory = factories.stream().filter(f -> f.kind().equals(settings.kind())).findFirst()
                .orElseThrow(() -> new ConfigException("connection '" + settings.name() + "': no connector of kind '" + settings.kind()
                        + "' is installed (installed: " + factories.stream().map(ConnectorFactory::kind).sorted().toList()
                        + "); drop its plugin jar into the plugins folder"));
        try {
            return factory.create(settings, new Host(vertx, settings.name()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("connection '" + settings.name() + "': " + e.getMessage());
        }
    }

    /** What the daemon offers its connectors: its Vert.x, and a logger per connection. */
    private record Host(Vertx vertx, String name) implements ConnectorHost {

        @Override
        public <T> Optional<T> platform(Class<T> type) {
            return type.isInstance(vertx) ? Optional.of(type.cast(vertx)) : Optional.empty();
        }

        @Override
        public System.Logger logger() {
            return System.getLogger("io.imbot.connection." + name);
        }
    }
}
