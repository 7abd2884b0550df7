package io.imbot.plugins.autoreply;

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
        Path jar = Path.of(System.getProperty("autoreply.jar", "target/imbot-plugin-autoreply.jar"));
        assertThat(jar).as("the plugin jar built by this module").isRegularFile();
        return jar;
    }

    @Test
    void jar_manifest_carriesPluginEntries() throws Exception {
        try (PluginJar jar = PluginJar.open(jar())) {
            Attributes main = jar.manifest();
            assertThat(main.getValue("Plugin-Id")).isEqualTo("autoreply");
            assertThat(main.getValue("Plugin-Version")).isNotBlank();
            assertThat(main.getValue("Plugin-Provider")).isEqualTo("imbot");
        }
    }

    @Test
    void jar_extensionIndex_namesTheBot() throws Exception {
        try (PluginJar jar = PluginJar.open(jar())) {
            assertThat(jar.extensionIndex()).contains(AutoReplyBot.class.getName());
        }
    }

    @Test
    void jar_snakeyaml_relocatedAndNothingElseBundled() throws Exception {
        try (PluginJar jar = PluginJar.open(jar())) {
            List<String> classes = jar.classes();
            assertThat(classes).contains("io/imbot/plugins/autoreply/shaded/snakeyaml/v2/api/lowlevel/Compose.class");
            assertThat(classes).noneMatch(n -> n.startsWith("org/snakeyaml/"));
            assertThat(classes).noneMatch(n -> n.startsWith("io/imbot/api/") || n.startsWith("org/pf4j/"));
            assertThat(classes).allMatch(n -> n.startsWith("io/imbot/plugins/autoreply/"));
        }
    }

    @Test
    void pf4j_loadsJar_botAnswersFromRulesFile(@TempDir Path tmp) throws Exception {
        Path conf = Files.createDirectories(tmp.resolve("conf"));
        Files.copy(ShippedRulesTest.shipped(), conf.resolve("autoreply.yaml"));

        try (PluginJar jar = PluginJar.open(jar())) {
            List<ReplyBot> bots = jar.load(tmp, "autoreply");
            assertThat(bots).singleElement().satisfies(bot -> {
                assertThat(bot.getClass().getName()).isEqualTo(AutoReplyBot.class.getName());
                assertThat(bot.getClass().getClassLoader()).isNotSameAs(PluginJarIT.class.getClassLoader());
            });

            try (BotTester tester = BotTester.of(bots.get(0)).configDir(conf).start()) {
                assertThat(tester.say("alice", "ping")).containsExactly("pong");
            }
        }
    }
}
