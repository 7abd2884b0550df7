package io.imbot.core.daemon;

import io.imbot.api.ChatMessage;
import io.imbot.api.DeliveryException.Reason;
import io.imbot.api.connector.ConnectionSettings;
import io.imbot.api.connector.Connector;
import io.imbot.api.connector.ConnectorFactory;
import io.imbot.api.connector.ConnectorHost;
import io.imbot.core.config.ConfigException;
import io.imbot.core.config.ImbotConfig;
import io.imbot.core.delivery.DeliveryOutcome;
import io.imbot.core.delivery.DeliveryPort;
import io.imbot.core.delivery.MessageCenter;
import io.imbot.core.delivery.SendRequest;
import io.imbot.core.delivery.Submission;
import io.imbot.server.TokenHash;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The daemon's connections: turns configured connections into connectors, through whichever
 * connector factory names their kind, and routes sends and handled messages to the message center
 * of the right connection (the first for a send that names none).
 */
final class Connections implements DeliveryPort {

    private final Map<String, MessageCenter> centers = new LinkedHashMap<>();

    /** Adds a running message center; the first added takes sends that name no connection. */
    void add(MessageCenter center) {
        centers.put(center.name(), center);
    }

    /** The message centers, the first connection first. */
    List<MessageCenter> centers() {
        return List.copyOf(centers.values());
    }

    @Override
    public Submission submit(SendRequest request) {
        MessageCenter center = request.connection() == null ? centers.values().iterator().next() : centers.get(request.connection());
        if (center == null) {
            DeliveryOutcome refused = DeliveryOutcome.refused(request.connection(), request.to(), Reason.INVALID,
                    "no connection named '" + request.connection() + "' (connections: " + String.join(", ", centers.keySet()) + ")");
            return new Submission(Future.failedFuture(refused.toException()), Future.succeededFuture(refused));
        }
        return center.submit(request);
    }

    @Override
    public void handled(ChatMessage message) {
        MessageCenter center = centers.get(message.connection());
        if (center != null) {
            center.handled(message);
        }
    }

    @Override
    public List<String> nicknames(String connection) {
        MessageCenter center = centers.get(connection);
        return center == null ? List.of() : center.nicknames();
    }

    /**
     * The connections with run tokens for those to the embedded server that have none: the daemon
     * lets itself in with a token made for this run.
     */
    static List<ConnectionSettings> withRunTokens(List<ConnectionSettings> configured) {
        List<ConnectionSettings> out = new ArrayList<>();
        for (ConnectionSettings c : configured) {
            boolean needsToken = c.url().equals(ImbotConfig.EMBEDDED_URL) && c.token().isEmpty();
            out.add(needsToken ? new ConnectionSettings(c.name(), c.kind(), c.url(), c.user(), TokenHash.randomToken(), c.rooms(),
                    c.reconnectInitial(), c.reconnectMax(), c.options()) : c);
        }
        return out;
    }

    /** The users and tokens of the connections to the embedded server: its accounts for the daemon. */
    static Map<String, String> embeddedAccounts(List<ConnectionSettings> connections) {
        Map<String, String> accounts = new LinkedHashMap<>();
        connections.stream().filter(c -> c.url().equals(ImbotConfig.EMBEDDED_URL)).forEach(c -> accounts.put(c.user(), c.token()));
        return accounts;
    }

    /**
     * Makes the connector of {@code settings} with the factory of its kind.
     *
     * @throws ConfigException when no factory has that kind, or the factory refuses the settings
     */
    static Connector create(List<ConnectorFactory> factories, ConnectionSettings settings, Vertx vertx, Path home) throws ConfigException {
        ConnectorFactory factory = factories.stream().filter(f -> f.kind().equals(settings.kind())).findFirst()
                .orElseThrow(() -> new ConfigException("connection '" + settings.name() + "': no connector of kind '" + settings.kind()
                        + "' is installed (installed: " + factories.stream().map(ConnectorFactory::kind).sorted().toList()
                        + "); drop its plugin jar into the plugins folder"));
        try {
            return factory.create(settings, new Host(vertx, settings.name(), home));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("connection '" + settings.name() + "': " + e.getMessage());
        }
    }

    /** What the daemon offers its connectors: its Vert.x, a logger per connection, files found as the daemon finds its own. */
    private record Host(Vertx vertx, String name, Path home) implements ConnectorHost {

        @Override
        public <T> Optional<T> platform(Class<T> type) {
            return type.isInstance(vertx) ? Optional.of(type.cast(vertx)) : Optional.empty();
        }

        @Override
        public System.Logger logger() {
            return System.getLogger("io.imbot.connection." + name);
        }

        @Override
        public Path file(String path) {
            return home.resolve(path).normalize();
        }
    }
}
