package io.imbot.core.plugin;

import io.imbot.api.DaemonStatus;
import io.imbot.api.ReplyBot;
import io.imbot.api.connector.ConnectorFactory;
import io.imbot.core.delivery.DeliveryPort;
import io.imbot.core.history.VolatileMessageStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * The plugins folder as {@code imbot config check} sees it: every plugin loaded from its jar as
 * the daemon would, nothing started, so jars that cannot load, connector kinds and each bot's own
 * {@link ReplyBot#check} can be reported without running anything.
 */
public final class PluginCheck implements AutoCloseable {

    private final PluginHostSettings settings;
    private final ImbotPluginManager manager;

    private PluginCheck(PluginHostSettings settings, ImbotPluginManager manager) {
        this.settings = settings;
        this.manager = manager;
    }

    /** Loads the plugins of {@code settings}' folder (a missing folder holds none). */
    public static PluginCheck load(PluginHostSettings settings) {
        ImbotPluginManager manager = new ImbotPluginManager(settings.dir(), settings.disabled(), PluginHost.disabledState(settings),
                PluginHost.SYSTEM_VERSION);
        manager.loadPlugins();
        manager.startPlugins();
        return new PluginCheck(settings, manager);
    }

    /** Plugins that failed to load or start, each with the reason. */
    public List<String> pluginProblems() {
        List<String> problems = new ArrayList<>();
        for (PluginWrapper w : manager.getPlugins()) {
            if (w.getPluginState() == PluginState.FAILED) {
                problems.add("plugin " + w.getPluginId() + " (" + w.getPluginPath() + ") cannot start: " + w.getFailedException());
            }
        }
        return problems;
    }

    /** The started plugins' IDs, in load order. */
    public List<String> started() {
        return manager.getStartedPlugins().stream().map(PluginWrapper::getPluginId).toList();
    }

    /** Every connector kind, as the daemon would find it. */
    public List<ConnectorFactory> connectorFactories() {
        return PluginHost.connectorFactories(manager);
    }

    /**
     * Asks every bot of every started plugin to check its configuration. A bot that cannot be made
     * or whose check throws is a problem too.
     */
    public List<String> botProblems(Vertx vertx) {
        HostServices services = new HostServices(vertx, settings.users(), settings.operators(), settings.configDir(), settings.dataRoot(), new VolatileMessageStore(),
                new ReplyLimiter(settings.replyRateCount(), settings.replyRatePer()),
                Future.failedFuture(new IllegalStateException("imbot config check sends nothing")),
                () -> new DaemonStatus(Duration.ZERO, 0, 0, 0, false), List::of);
        List<String> problems = new ArrayList<>();
        for (String id : started()) {
            List<ReplyBot> bots;
            try {
                bots = manager.getExtensions(ReplyBot.class, id);
            } catch (RuntimeException | LinkageError e) {
                problems.add("plugin " + id + ": cannot create its bots: " + e);
                continue;
            }
            for (ReplyBot bot : bots) {
                HostedBotContext ctx = new HostedBotContext(services, id, settings.pluginConfig().getOrDefault(id, Map.of()));
                try {
                    bot.check(ctx).forEach(p -> problems.add("plugin " + id + ": " + p));
                } catch (RuntimeException | LinkageError e) {
                    problems.add("plugin " + id + ": the check of " + bot.getClass().getSimpleName() + " failed: " + e);
                }
            }
        }
        return problems;
    }

    @Override
    public void close() {
        PluginHost.stopAndUnload(manager);
    }
}
