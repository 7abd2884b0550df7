package io.imbot.plugins.xmppconnector;

import io.imbot.api.connector.ConnectionSettings;
import io.imbot.api.connector.Connector;
import io.imbot.api.connector.ConnectorFactory;
import io.imbot.api.connector.ConnectorHost;
import io.vertx.core.Vertx;
import org.pf4j.Extension;

/**
 * Connections of kind {@code xmpp}: an XMPP account on a server, over STARTTLS, with XEP-0198
 * stream management acks; people are bare JIDs, rooms ({@code #name}) are MUC rooms.
 *
 * <pre>{@code
 * connections:
 *   - name: jabber
 *     kind: xmpp
 *     url: xmpp://chat.example.org        # port 5222 unless given
 *     user: bot@example.org               # the bot's bare JID
 *     token: ${XMPP_PASSWORD}
 *     rooms: ["#lobby"]                   # lobby@conference.example.org
 *     options: { caFile: conf/ca.pem, nickname: imbot }
 * }</pre>
 *
 * <p>Options: {@code requireTls} (true), {@code caFile}, {@code verifyHost} (true), {@code resource}
 * ({@code imbot}), {@code nickname} (the JID's local part), {@code mucService} ({@code
 * conference.<domain>}), {@code streamManagement} (true), {@code connectTimeout} (10s), {@code
 * keepAlive} (60s), {@code maxInflight} (100), {@code resetAfter} (60s).
 */
@Extension
public final class XmppConnectorFactory implements ConnectorFactory {

    /** The kind a connection names to use this connector. */
    public static final String KIND = "xmpp";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Connector create(ConnectionSettings settings, ConnectorHost host) {
        Vertx vertx = host.platform(Vertx.class)
                .orElseThrow(() -> new IllegalStateException("the XMPP connector runs on the daemon's Vert.x, which the host does not offer"));
        return new XmppConnector(vertx, XmppSettings.from(settings, host::file));
    }
}
