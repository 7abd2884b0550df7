package io.imbot.core.plugin;

import io.imbot.core.config.ImbotConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the plugin host needs to know.
 *
 * @param dir the folder PF4J loads plugin jars and zips from
 * @param watchInterval how often the folder is checked for added, changed and removed plugins
 * @param dataRoot the folder under which each plugin gets its own data folder
 * @param users each connection's name and the user the daemon is on it, the first connection first
 * @param operators the users who may use operator-only commands: {@code user} on every connection,
 *     {@code connection/user} on one
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
        Map<String, String> users,
        Path configDir,
        Path dataRoot,
        List<String> operators) {

    public PluginHostSettings {
        disabled = List.copyOf(disabled);
        operators = List.copyOf(operators);
        pluginConfig = Map.copyOf(pluginConfig);
        users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
    }

    /** The user the daemon is on its first connection. */
    public String botUser() {
        return users.values().iterator().next();
    }

    /** The user the daemon is on the connection {@code name}, or {@code null} for a connection it does not have. */
    public String userOn(String name) {
        return users.get(name);
    }

    /** The settings derived from the daemon configuration. */
    public static PluginHostSettings from(ImbotConfig c) {
        ImbotConfig.Plugins p = c.plugins();
        return new PluginHostSettings(p.dir(), p.watchInterval(), p.callTimeout(), p.maxConsecutiveFailures(), p.replyRate().count(),
                p.replyRate().per(), p.disabled(), p.config(), users(c), c.configDir(), c.home().resolve("data").resolve("plugins"),
                p.operators());
    }

    private static Map<String, String> users(ImbotConfig c) {
        Map<String, String> users = new LinkedHashMap<>();
        c.connections().forEach(s -> users.put(s.name(), s.user()));
        return users;
    }
}
