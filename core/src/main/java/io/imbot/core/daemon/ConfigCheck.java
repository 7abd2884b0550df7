package io.imbot.core.daemon;

import io.imbot.api.connector.ConnectionSettings;
import io.imbot.api.connector.ConnectorFactory;
import io.imbot.core.config.ConfigException;
import io.imbot.core.config.ImbotConfig;
import io.imbot.core.plugin.PluginCheck;
import io.imbot.core.plugin.PluginHostSettings;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code imbot config check} checks beyond reading {@code imbot.yaml} (which the loader
 * already does strictly): that the plugins load, that each connection's kind is installed and its
 * connector accepts its settings, and that each bot accepts its own configuration (the auto-reply
 * rules, for one). Connects to nothing and opens no database.
 */
public final class ConfigCheck {

    private ConfigCheck() {}

    /**
     * Runs every check.
     *
     * @param vertx only for the connectors' and bots' construction; nothing is deployed on it
     * @return each problem as a sentence for the operator; empty when all is well
     */
    public static List<String> run(ImbotConfig config, Vertx vertx) {
        List<String> problems = new ArrayList<>();
        try (PluginCheck plugins = PluginCheck.load(PluginHostSettings.from(config))) {
            problems.addAll(plugins.pluginProblems());
            List<ConnectorFactory> factories = plugins.connectorFactories();
            // The embedded server's port is known once it listens; the configured one (or any, for port 0) stands in.
            int embeddedPort = config.server().port() > 0 ? config.server().port() : 1;
            for (ConnectionSettings c : Connections.withRunTokens(config.connections())) {
                try {
                    Connections.create(factories, config.reachable(c, embeddedPort), vertx, config.home());
                } catch (ConfigException e) {
                    problems.add(e.getMessage());
                }
            }
            problems.addAll(plugins.botProblems(vertx));
        }
        return problems;
    }
}
