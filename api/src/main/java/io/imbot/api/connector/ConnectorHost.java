package io.imbot.api.connector;

import java.util.Optional;

/** What the daemon offers a connector it creates. */
public interface ConnectorHost {

    /**
     * The daemon's own objects by type, for connectors built on the same platform: {@code
     * io.vertx.core.Vertx} is the daemon's Vert.x instance. Empty for a type the daemon does not
     * offer.
     */
    <T> Optional<T> platform(Class<T> type);

    /** A logger named after the connection. */
    System.Logger logger();
}
