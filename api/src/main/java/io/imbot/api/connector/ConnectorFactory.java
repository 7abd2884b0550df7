package io.imbot.api.connector;

import org.pf4j.ExtensionPoint;

/**
 * Makes connectors for one kind of network. Mark an implementation with PF4J's {@code @Extension}
 * in a plugin jar, drop the jar into the daemon's {@code plugins/} folder, and name its {@link
 * #kind()} in a connection of {@code imbot.yaml}:
 *
 * <pre>{@code
 * connections:
 *   - name: work
 *     kind: example
 *     url: example://chat.example.org
 *     user: bot
 *     token: ${EXAMPLE_TOKEN}
 * }</pre>
 *
 * <p>Connector plugins are read when the daemon starts; a connector jar added later is used at the
 * next start.
 */
public interface ConnectorFactory extends ExtensionPoint {

    /** The {@code kind} a connection names to use this factory, such as {@code imbot} or {@code xmpp}. */
    String kind();

    /**
     * Checks a connection's settings and makes its connector, not yet started.
     *
     * @param settings the connection as configured
     * @param host what the daemon offers the connector
     * @return a new connector for this one connection
     * @throws IllegalArgumentException with a message naming the setting, when the settings are wrong
     */
    Connector create(ConnectionSettings settings, ConnectorHost host);
}
