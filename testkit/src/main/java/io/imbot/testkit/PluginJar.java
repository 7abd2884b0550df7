package io.imbot.testkit;

import io.imbot.api.ReplyBot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/**
 * A built plugin jar, checked the way the daemon will use it: its manifest, its extension index,
 * its classes, and its bots as PF4J loads them. For a test that runs after {@code package}:
 *
 * <pre>{@code
 * try (PluginJar jar = PluginJar.open(Path.of("target/hello-bot-1.0.0.jar"))) {
 *     assertThat(jar.manifest().getValue("Plugin-Id")).isEqualTo("hello");
 *     assertThat(jar.extensionIndex()).contains(HelloBot.class.getName());
 *     ReplyBot bot = jar.load(tempDir, "hello").get(0); // loaded by PF4J's plugin class loader
 *     try (BotTester tester = BotTester.of(bot).start()) { ... }
 * }
 * }</pre>
 */
public final class PluginJar implements AutoCloseable {

    private final Path file;
    private PluginManager manager;

    private PluginJar(Path file) {
        this.file = file;
    }

    /**
     * Opens {@code jar}.
     *
     * @throws IOException when it is not a readable jar file
     */
    public static PluginJar open(Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no plugin jar at " + jar.toAbsolutePath() + " (was the module packaged?)");
        }
        try (JarFile ignored = new JarFile(jar.toFile())) {
            return new PluginJar(jar);
        }
    }

    /** The manifest's main attributes ({@code Plugin-Id}, {@code Plugin-Version}, ...). */
    public Attributes manifest() throws IOException {
        try (JarFile jar = new JarFile(file.toFile())) {
            return jar.getManifest() == null ? new Attributes() : jar.getManifest().getMainAttributes();
        }
    }

    /** The class names in {@code META-INF/extensions.idx}, which PF4J reads; empty when it is missing. */
    public List<String> extensionIndex() throws IOException {
        try (JarFile jar = new JarFile(file.toFile())) {
            var entry = jar.getEntry("META-INF/extensions.idx");
            if (entry == null) {
                return List.of();
            }
            try (InputStream in = jar.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
            }
        }
    }

    /** The paths of every class file in the jar, such as {@code com/example/HelloBot.class}. */
    public List<String> classes() throws IOException {
        try (JarFile jar = new JarFile(file.toFile())) {
            return jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).toList();
        }
    }

    /**
     * Copies the jar into {@code workDir/plugins}, lets PF4J load and start it as the daemon does,
     * and returns its bots (created by the plugin's own class loader). {@link #close()} unloads it.
     *
     * @throws IllegalStateException when PF4J does not start the plugin {@code pluginId}
     */
    public List<ReplyBot> load(Path workDir, String pluginId) throws IOException {
        Path plugins = Files.createDirectories(workDir.resolve("plugins"));
        Files.copy(file, plugins.resolve(file.getFileName()));
        manager = new DefaultPluginManager(plugins);
        manager.loadPlugins();
        manager.startPlugins();
        var plugin = manager.getPlugin(pluginId);
        if (plugin == null || plugin.getPluginState() != PluginState.STARTED) {
            throw new IllegalStateException("PF4J did not start plugin '" + pluginId + "' from " + file.getFileName()
                    + (plugin == null ? " (not found: check Plugin-Id)" : " (state " + plugin.getPluginState() + ")"));
        }
        return manager.getExtensions(ReplyBot.class, pluginId);
    }

    /** Unloads what {@link #load} loaded. */
    @Override
    public void close() {
        if (manager != null) {
            // unloadPlugins() stops each plugin on a copy of its list; PF4J 3.15's stopPlugins() would
            // throw ConcurrentModificationException.
            manager.unloadPlugins();
            manager = null;
        }
    }
}
