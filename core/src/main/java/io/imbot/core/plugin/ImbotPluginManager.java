package io.imbot.core.plugin;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginStatusProvider;

/**
 * PF4J's manager with enable/disable state taken from {@code plugins.disabled} and kept in memory,
 * instead of PF4J's {@code disabled.txt} in the plugins folder.
 */
final class ImbotPluginManager extends DefaultPluginManager {

    ImbotPluginManager(Path pluginsRoot, Collection<String> disabled, String systemVersion) {
        super(pluginsRoot);
        ((ConfiguredStatus) pluginStatusProvider).disabled.addAll(disabled);
        setSystemVersion(systemVersion);
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        // Called from the super constructor, before this class's fields exist.
        return new ConfiguredStatus();
    }

    private static final class ConfiguredStatus implements PluginStatusProvider {
        final Set<String> disabled = ConcurrentHashMap.newKeySet();

        @Override
        public boolean isPluginDisabled(String pluginId) {
            return disabled.contains(pluginId);
        }

        @Override
        public void disablePlugin(String pluginId) {
            disabled.add(pluginId);
        }

        @Override
        public void enablePlugin(String pluginId) {
            disabled.remove(pluginId);
        }
    }
}
