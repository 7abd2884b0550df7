package io.imbot.plugins.ircconnector;

import io.imbot.api.connector.ConnectionSettings;
import io.imbot.api.connector.Connector;
import io.imbot.api.connector.ConnectorFactory;
import io.imbot.api.connector.ConnectorHost;
import io.vertx.core.Vertx;
import org.pf4j.Extension;

/**
 * Connections of kind {@code irc}: an IRC server, on the daemon's Vert.x.
 *
 * <pre>{@code
 * connections:
 *   - name: libera
 *     kind: irc
 *     url: ircs://irc.example.org:6697
 *     user: imbot            # the nick
 *     token: ""              # the server password (PASS), if the server wants one
 *     rooms: ["#lobby"]      # channels to join after each login
 *     options:
 *       lineInterval: 1s     # the flood limit; see IrcSettings for every option
 * }</pre>
 */
@Extension
public final class IrcConnectorFactory implements ConnectorFactory {

    /** The kind a connection names to use this connector. */
    public static final String KIND = "irc";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Connector create(ConnectionSettings settings, ConnectorHost host) {
        Vertx vertx = host.platform(Vertx.class)
                .orElseThrow(() -> new IllegalStateException("the IRC connector runs on the daemon's Vert.x, which the host does not offer"));
        return new IrcConnector(vertx, IrcSettings.from(settings, host::file));
    }
}
