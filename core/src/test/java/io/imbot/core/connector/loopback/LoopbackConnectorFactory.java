package io.imbot.core.connector.loopback;

import io.imbot.api.connector.ConnectionSettings;
import io.imbot.api.connector.Connector;
import io.imbot.api.connector.ConnectorFactory;
import io.imbot.api.connector.ConnectorHost;
import io.imbot.api.connector.DeliveryGuarantee;
import java.util.List;

/**
 * Connections of kind {@code loopback}. Not marked {@code @Extension}, so the test class path's
 * extension index does not list it: the daemon finds it only in the plugin jar a test builds.
 */
public final class LoopbackConnectorFactory implements ConnectorFactory {

    @Override
    public String kind() {
        return "loopback";
    }

    @Override
    public Connector create(ConnectionSettings settings, ConnectorHost host) {
        if (!settings.url().startsWith("loopback://")) {
            throw new IllegalArgumentException("connections." + settings.name() + ".url: expected loopback://NAME, got '" + settings.url() + "'");
        }
        DeliveryGuarantee guarantee = DeliveryGuarantee.valueOf(settings.option("guarantee", DeliveryGuarantee.PER_MESSAGE_ACK.name()));
        String nickname = settings.option("nickname", "");
        return new LoopbackConnector(LoopbackNetwork.at(settings.url()), settings.url(), guarantee,
                nickname.isEmpty() ? List.of() : List.of(nickname));
    }
}
