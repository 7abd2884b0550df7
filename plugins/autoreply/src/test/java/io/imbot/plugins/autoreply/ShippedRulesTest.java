package io.imbot.plugins.autoreply;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.testkit.BotTester;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules file the distribution ships parses, and its examples do what its comments say. */
class ShippedRulesTest {

    static Path shipped() {
        return Path.of(System.getProperty("autoreply.shippedRules", "../../distribution/src/main/conf/autoreply.yaml"));
    }

    @TempDir
    Path dir;

    @Test
    void shippedFile_loads_withoutErrors() throws Exception {
        RuleSet set = RuleFile.load(shipped(), ZoneOffset.UTC);
        assertThat(set.rules()).extracting(Rule::name).contains("ping", "greeting");
    }

    @Test
    void shippedFile_pingAndGreeting_answerAsDocumented() throws Exception {
        Files.copy(shipped(), dir.resolve("autoreply.yaml"));
        try (BotTester bot = BotTester.of(new AutoReplyBot(new java.util.SplittableRandom(3)))
                .configDir(dir).start()) {
            assertThat(bot.say("alice", "ping")).containsExactly("pong");
            assertThat(bot.say("alice", "hello there")).singleElement().asString().contains("alice");
            assertThat(bot.sayInRoom("#lobby", "bob", "hello all")).isEmpty();
            assertThat(bot.sayInRoom("#lobby", "bob", "@bot hi")).singleElement().asString().contains("bob");
            assertThat(bot.say("alice", "/echo some words")).containsExactly("some words");
            assertThat(bot.say("alice", "what's the weather in New York?"))
                    .containsExactly("I can't look outside, but I hope the sun shines in New York.");
            assertThat(bot.say("alice", "/time")).containsExactly("It is 12:00 on Monday, 2024-01-01.");
            assertThat(bot.logs()).allSatisfy(l -> assertThat(l.level()).isEqualTo(System.Logger.Level.INFO));
        }
    }
}
