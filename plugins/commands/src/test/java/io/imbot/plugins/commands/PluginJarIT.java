package io.imbot.plugins.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.ReplyBot;
import io.imbot.testkit.BotTester;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/**
 * Checks the plugin jar the build produced (run by failsafe after {@code package}): what the
 * daemon needs inside it, and that PF4J loads it and finds a working bot.
 */
class PluginJarIT {

    private static Path jar() {
        Path jar = Path.of(System.getProperty("commands.jar", "target/imbot-plugin-commands.jar"));
        assertThat(jar).as("the plugin jar built by this module").isRegularFile();
        return jar;
    }

    @Test
    void jar_manifest_carriesPluginEntries() throws Exception {
        try (JarFile jar = new JarFile(jar().toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Plugin-Id")).isEqualTo("commands");
            assertThat(main.getValue("Plugin-Version")).isNotBlank();
            assertThat(main.getValue("Plugin-Provider")).isEqualTo("imbot");
            assertThat(main.getValue("Plugin-Description")).contains("/help");
        }
    }

    @Test
    void jar_extensionIndex_namesTheBot() throws Exception {
        try (JarFile jar = new JarFile(jar().toFile())) {
            try (InputStream in = jar.getInputStream(jar.getEntry("META-INF/extensions.idx"))) {
                String index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(index.lines()).contains(CommandsBot.class.getName());
            }
        }
    }

    @Test
    void jar_classes_onlyThePluginsOwn() throws Exception {
        try (JarFile jar = new JarFile(jar().toFile())) {
            List<String> classes = jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).toList();
            assertThat(classes).contains("io/imbot/plugins/commands/CommandsBot.class");
            assertThat(classes).allMatch(n -> n.startsWith("io/imbot/plugins/commands/"));
        }
    }

    @Test
    void pf4j_loadsJar_botAnswersHelp(@TempDir Path tmp) throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.copy(jar(), plugins.resolve("commands.jar"));

        PluginManager manager = new DefaultPluginManager(plugins);
        try {
            manager.loadPlugins();
            manager.startPlugins();
            assertThat(manager.getPlugin("commands").getPluginState()).isEqualTo(PluginState.STARTED);
            List<ReplyBot> bots = manager.getExtensions(ReplyBot.class, "commands");
            assertThat(bots).singleElement().satisfies(bot -> {
                assertThat(bot.getClass().getName()).isEqualTo(CommandsBot.class.getName());
                assertThat(bot.getClass().getClassLoader()).isNotSameAs(PluginJarIT.class.getClassLoader());
            });

            try (BotTester tester = BotTester.of(bots.get(0)).start()) {
                assertThat(tester.say("alice", "/help")).singleElement().asString()
                        .startsWith("Commands:\n/help [command]")
                        .contains("/history [n]", "/status");
            }
        } finally {
            // Not stopPlugins(): in PF4J 3.15.0 it throws ConcurrentModificationException
            // (pf4j/pf4j#656). unloadPlugins() stops each plugin on a copy of the list.
            manager.unloadPlugins();
        }
    }
}
