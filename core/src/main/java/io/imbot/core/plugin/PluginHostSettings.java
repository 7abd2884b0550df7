package io.imbot.core.plugin;

import io.imbot.core.config.ImbotConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the plugin host needs to know.
 *
 * @param dir the folder PF4J loads plugin jars and zips from
 * @param watchInterval how often the folder is checked for added, changed and removed plugins
 * @param dataRoot the folder under which each plugin gets its own data folder
 */
public record PluginHostSettings(
        Path dir,
        Duration watchInterval,
        Duration callTimeout,
        int maxConsecutiveFailures,
        int replyRateCount,
        Duration replyRatePer,
        List<String> disabled,
        Map<String, Map<String, Object>> pluginConfig,
        String botUser,
        Path configDir,
        Path dataRoot) {

    public PluginHostSettings {
        disabled = List.copyOf(disabled);
        pluginConfig = Map.copyOf(pluginConfig);
    }

    /** The settings derived from the daemon configuration. */
    public static PluginHostSettings from(ImbotConfig c) {
        ImbotConfig.Plugins p = c.plugins();
        return new PluginHostSettings(p.dir(), p.watchInterval(), p.callTimeout(), p.maxConsecutiveFailures(), p.replyRate().count(),
                p.replyRate().per(), p.disabled(), p.config(), c.bot().user(), c.configDir(), c.home().resolve("data").resolve("plugins"));
    }
}
