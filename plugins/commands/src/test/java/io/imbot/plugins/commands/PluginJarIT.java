package io.imbot.plugins.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.ReplyBot;
import io.imbot.testkit.BotTester;
import io.imbot.testkit.PluginJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        try (PluginJar jar = PluginJar.open(jar())) {
            Attributes main = jar.manifest();
            assertThat(main.getValue("Plugin-Id")).isEqualTo("commands");
            assertThat(main.getValue("Plugin-Version")).isNotBlank();
            assertThat(main.getValue("Plugin-Provider")).isEqualTo("imbot");
            assertThat(main.getValue("Plugin-Description")).contains("/help");
        }
    }

    @Test
    void jar_extensionIndex_namesTheBot() throws Exception {
        try (PluginJar jar = PluginJar.open(jar())) {
            assertThat(jar.extensionIndex()).contains(CommandsBot.class.getName());
        }
    }

    @Test
    void jar_classes_onlyThePluginsOwn() throws Exception {
        try (PluginJar jar = PluginJar.open(jar())) {
            List<String> classes = jar.classes();
            assertThat(classes).contains("io/imbot/plugins/commands/CommandsBot.class");
            assertThat(classes).allMatch(n -> n.startsWith("io/imbot/plugins/commands/"));
        }
    }

    @Test
    void pf4j_loadsJar_botAnswersHelp(@TempDir Path tmp) throws Exception {

        try (PluginJar jar = PluginJar.open(jar())) {
            List<ReplyBot> bots = jar.load(tmp, "commands");
            assertThat(bots).singleElement().satisfies(bot -> {
                assertThat(bot.getClass().getName()).isEqualTo(CommandsBot.class.getName());
                assertThat(bot.getClass().getClassLoader()).isNotSameAs(PluginJarIT.class.getClassLoader());
            });

            try (BotTester tester = BotTester.of(bots.get(0)).operators("alice").start()) {
                assertThat(tester.say("alice", "/help")).singleElement().asString()
                        .startsWith("Commands:\n/help [command]")
                        .contains("/history [n]", "/status");
            }
        }
    }
}
