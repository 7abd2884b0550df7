package io.imbot.plugins.autoreply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imbot.testkit.BotTester;
import io.imbot.testkit.ManualClock;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateTest {

    @TempDir
    Path dir;

    @Test
    void render_escapedBraces_renderLiterally() {
        Template t = Template.parse("{{literal}} {name} }}");
        assertThat(t.placeholders()).containsExactly("name");
        assertThat(t.render(Map.of("name", "x")::get)).isEqualTo("{literal} x }");
    }

    @Test
    void parse_unbalancedOrBadPlaceholder_throwsWithPosition() {
        assertThatThrownBy(() -> Template.parse("hi {sender")).hasMessageContaining("position 4");
        assertThatThrownBy(() -> Template.parse("hi }")).hasMessageContaining("no '{'");
        assertThatThrownBy(() -> Template.parse("hi {a b}")).hasMessageContaining("'{a b}' is not a placeholder");
    }

    @Test
    void reply_builtInPlaceholders_filledFromMessageAndClock() {
        ManualClock clock = ManualClock.at("2024-03-01T21:05:00Z"); // a Friday
        try (BotTester bot = Fixture.start(dir, clock, """
                zone: Europe/Berlin
                rules:
                  - keyword: status
                    reply: "{sender} in [{room}] to {bot}: {text} at {time} {date} {weekday}"
                """)) {
            assertThat(bot.sayInRoom("#ops", "alice", "@bot status?"))
                    .containsExactly("alice in [#ops] to bot: status? at 22:05 2024-03-01 Friday");
            assertThat(bot.say("alice", "status"))
                    .containsExactly("alice in [] to bot: status at 22:05 2024-03-01 Friday");
        }
    }

    @Test
    void reply_zoneNotSet_usesClockZone() {
        ManualClock clock = new ManualClock(java.time.Instant.parse("2024-03-01T21:05:00Z"), java.time.ZoneId.of("Asia/Tokyo"));
        try (BotTester bot = Fixture.start(dir, clock, """
                rules:
                  - command: time
                    reply: "{time}"
                """)) {
            assertThat(bot.say("alice", "/time")).containsExactly("06:05");
        }
    }

    @Test
    void reply_rendersEmpty_sendsNothing() {
        try (BotTester bot = Fixture.start(dir, """
                rules:
                  - command: echo
                    reply: "{args}"
                """)) {
            assertThat(bot.say("alice", "/echo")).isEmpty();
            assertThat(bot.say("alice", "/echo hi")).containsExactly("hi");
        }
    }
}
