package io.imbot.plugins.autoreply;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.testkit.BotTester;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantsTest {

    private static final String RULES = """
            rules:
              - exact: hello
                reply: [one, two, three]
            """;

    @TempDir
    Path dir;

    @Test
    void reply_severalVariants_everyOneUsedAndOnlyThose() {
        try (BotTester bot = Fixture.start(dir, RULES)) {
            List<String> replies = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                replies.addAll(bot.say("alice", "hello"));
            }
            assertThat(replies).hasSize(60).containsOnly("one", "two", "three").contains("one", "two", "three");
        }
    }

    @Test
    void reply_sameSeed_sameSequence() {
        assertThat(sequence(7)).isEqualTo(sequence(7));
    }

    private List<String> sequence(long seed) {
        Fixture.write(dir.resolve("autoreply.yaml"), RULES);
        AutoReplyBot bot = new AutoReplyBot(new SplittableRandom(seed));
        try (BotTester tester = BotTester.of(bot).configDir(dir).start()) {
            List<String> replies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                replies.addAll(tester.say("alice", "hello"));
            }
            return replies;
        }
    }
}
