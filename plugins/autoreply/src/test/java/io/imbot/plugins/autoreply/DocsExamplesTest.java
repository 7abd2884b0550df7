package io.imbot.plugins.autoreply;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.testkit.BotTester;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The complete example at the top of docs/AUTOREPLY.md loads and behaves as the text says. */
class DocsExamplesTest {

    @TempDir
    Path dir;

    private static List<String> yamlBlocks() throws Exception {
        Path docs = Path.of(System.getProperty("autoreply.docs", "../../docs/AUTOREPLY.md"));
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(docs));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void firstExample_loads_andAnswers() throws Exception {
        String example = yamlBlocks().get(0);
        try (BotTester bot = Fixture.start(dir, example)) {
            assertThat(bot.logs()).singleElement().satisfies(l -> assertThat(l.message()).startsWith("loaded 3 rules"));
            assertThat(bot.say("alice", "ping")).containsExactly("pong");
            assertThat(bot.say("alice", "/roll 2d6")).containsExactly("alice rolls 2d6");
            assertThat(bot.commands()).singleElement().satisfies(c -> assertThat(c.usage()).isEqualTo("/roll <dice>"));
        }
    }
}
