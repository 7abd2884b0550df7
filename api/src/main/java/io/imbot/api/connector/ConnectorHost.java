package io.imbot.api.connector;

import java.nio.file.Path;
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

    /**
     * A file named in the connection's settings, such as a certificate: a relative path is resolved
     * the way the daemon resolves its own, against the imbot folder ({@code IMBOT_HOME}).
     *
     * @param path the path as configured
     * @return the path to open; this default leaves it as it is (relative to the working folder)
     */
    default Path file(String path) {
        return Path.of(path);
    }
}
