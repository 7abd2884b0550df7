package io.imbot.plugins.autoreply;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.ChatMessage;
import io.imbot.api.DeliveryStatus;
import io.imbot.api.Direction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void parseDuration_unitsAndCombinations_addUp() {
        assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(Durations.parse("30s")).contains(Duration.ofSeconds(30));
        assertThat(Durations.parse("1h 30m")).contains(Duration.ofMinutes(90));
        assertThat(Durations.parse("2d")).contains(Duration.ofDays(2));
        assertThat(Durations.parse("30")).isEmpty();
        assertThat(Durations.parse("5 minutes")).isEmpty();
        assertThat(Durations.parse("99999999999999999999s")).isEmpty();
    }

    @Test
    void formatDuration_partialSeconds_roundUp() {
        assertThat(Durations.format(Duration.ofMillis(24_100))).isEqualTo("25s");
        assertThat(Durations.format(Duration.ofSeconds(3725))).isEqualTo("1h 2m 5s");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void quietHours_sameDaySpan_fromIncludedToExcluded() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0), ZoneOffset.UTC);
        assertThat(lunch.covers(Instant.parse("2024-01-01T11:59:59Z"))).isFalse();
        assertThat(lunch.covers(Instant.parse("2024-01-01T12:00:00Z"))).isTrue();
        assertThat(lunch.covers(Instant.parse("2024-01-01T13:00:00Z"))).isFalse();
    }

    @Test
    void namedGroups_escapedParenthesis_ignored() {
        assertThat(RegexMatcher.namedGroups("(?<a>x)\\(?<b>y)(?<c>z)")).containsExactly("a", "c");
    }

    @Test
    void stripLeading_mentionWithPunctuation_removed() {
        assertThat(Mentions.stripLeading(roomMessage("  @bot:  ping "), List.of("bot"))).isEqualTo("ping");
        assertThat(Mentions.stripLeading(roomMessage("@bot, ping"), List.of("bot"))).isEqualTo("ping");
        assertThat(Mentions.stripLeading(roomMessage("@bots ping"), List.of("bot"))).isEqualTo("@bots ping");
        assertThat(Mentions.stripLeading(roomMessage("ping @bot"), List.of("bot"))).isEqualTo("ping @bot");
        assertThat(Mentions.stripLeading(roomMessage("imbot_: ping"), List.of("bot", "imbot_"))).isEqualTo("ping");
    }

    @Test
    void stripLeading_tagThatIsNoMention_keptAsChatMessageSays() {
        for (String text : List.of("@bot-x ping", "@bot.x ping", "@bot_2 ping")) {
            assertThat(roomMessage(text).mentions("bot")).isFalse();
            assertThat(Mentions.stripLeading(roomMessage(text), List.of("bot"))).isEqualTo(text);
        }
        assertThat(Mentions.stripLeading(roomMessage("@bot"), List.of("bot"))).isEmpty();
        assertThat(Mentions.stripLeading(roomMessage("@a@a hi"), List.of("a"))).isEqualTo("@a hi");
    }

    private static ChatMessage roomMessage(String text) {
        return new ChatMessage("m-1", Direction.INBOUND, "#lobby", "alice", "#lobby", text,
                Instant.parse("2024-01-01T12:00:00Z"), DeliveryStatus.RECEIVED);
    }
}
