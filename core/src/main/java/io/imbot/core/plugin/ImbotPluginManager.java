package io.imbot.core.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginStatusProvider;

/**
 * PF4J's manager with enable/disable state of our own instead of PF4J's {@code disabled.txt} in
 * the plugins folder: a plugin is disabled when {@code plugins.disabled} names it, or when an
 * operator disabled it ({@code imbot plugins disable}), which {@code state} (in {@code data/})
 * remembers across restarts until it is enabled again.
 */
final class ImbotPluginManager extends DefaultPluginManager {

    ImbotPluginManager(Path pluginsRoot, Collection<String> configured, Path state, String systemVersion) {
        super(pluginsRoot);
        ((OperatorStatus) pluginStatusProvider).load(configured, state);
        setSystemVersion(systemVersion);
    }

    /** Whether {@code plugins.disabled} in the configuration names {@code id}: enabling lasts only until the next start. */
    boolean disabledByConfiguration(String id) {
        return ((OperatorStatus) pluginStatusProvider).configured.contains(id);
    }

    /** The candidates in the plugins folder, as {@code loadPlugins()} would see them (zips unpacked). */
    List<Path> candidates() {
        return List.copyOf(pluginRepository.getPluginPaths());
    }

    /** The ID and version a plugin file or folder declares, read without loading it; {@code null} when unreadable. */
    PluginDescriptor peek(Path pluginPath) {
        try {
            return getPluginDescriptorFinder().find(pluginPath);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether version {@code a} is newer than {@code b}, by PF4J's version rules. */
    boolean newer(String a, String b) {
        return getVersionManager().compareVersions(a, b) > 0;
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        // Called from the super constructor, before this class's fields exist.
        return new OperatorStatus();
    }

    private static final class OperatorStatus implements PluginStatusProvider {
        final Set<String> disabled = ConcurrentHashMap.newKeySet();
        final Set<String> configured = ConcurrentHashMap.newKeySet();
        private Path state;

        void load(Collection<String> fromConfiguration, Path stateFile) {
            configured.addAll(fromConfiguration);
            disabled.addAll(fromConfiguration);
            state = stateFile;
            if (state == null) {
                return;
            }
            try {
                for (String line : Files.readAllLines(state, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        disabled.add(line.strip());
                    }
                }
            } catch (NoSuchFileException e) {
                // nothing disabled by an operator yet
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the disabled plugins from " + state, e);
            }
        }

        @Override
        public boolean isPluginDisabled(String pluginId) {
            return disabled.contains(pluginId);
        }

        @Override
        public void disablePlugin(String pluginId) {
            disabled.add(pluginId);
            save();
        }

        @Override
        public void enablePlugin(String pluginId) {
            disabled.remove(pluginId);
            save();
        }

        /** Writes the operator's choices (not the configuration's) in one step. Runs off the event loop. */
        private void save() {
            if (state == null) {
                return;
            }
            List<String> lines = new ArrayList<>();
            lines.add("# Plugins disabled with 'imbot plugins disable', kept across restarts; 'imbot plugins enable' removes them.");
            Set<String> operator = new TreeSet<>(disabled);
            operator.removeAll(configured);
            lines.addAll(operator);
            try {
                Files.createDirectories(state.getParent());
                Path temp = state.resolveSibling(state.getFileName() + ".tmp");
                Files.write(temp, lines, StandardCharsets.UTF_8);
                Files.move(temp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save the disabled plugins to " + state, e);
            }
        }
    }
}
