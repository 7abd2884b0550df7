package io.imbot.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatMessageTest {

    private static ChatMessage roomMessage(String body) {
        return new ChatMessage("m1", Direction.INBOUND, "#lobby", "alice", "#lobby", body, Instant.EPOCH, DeliveryStatus.RECEIVED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "@bot hi|true", "hi @bot|true", "hi @bot, how are you|true", "thanks @bot.|true", "(@bot)|true",
        "@bot-x hi|false", "mail x@bot now|false", "@bot.x hi|false", "@Bot hi|false", "@botty|false", "no mention|false"})
    void mentions_variousTexts_matchesOnlyTheWholeName(String body, boolean expected) {
        assertThat(roomMessage(body).mentions("bot")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "bot: ping|ping", "  bot,ping |ping", "@bot ping|ping", "@bot: ping|ping", "@bot/help|/help", "bot:|''",
        "bots: ping|-", "bot ping|-", "ping @bot|-", "Bot: ping|-", "@bot-x ping|-", "bot_: ping|-"})
    void textAfterAddress_leadingAddress_restOfTextElseEmpty(String body, String expected) {
        assertThat(roomMessage(body).textAfterAddress("bot").orElse(null)).isEqualTo(expected);
    }

    @Test
    void isFor_roomMessage_needsOneOfTheNamesAndDirectAlwaysIs() {
        List<String> names = List.of("bot@example.org", "imbot");
        assertThat(roomMessage("imbot: ping").isFor(names)).isTrue();
        assertThat(roomMessage("hi @imbot").isFor(names)).isTrue();
        assertThat(roomMessage("hi @bot@example.org").isFor(names)).isTrue();
        assertThat(roomMessage("imbot is a bot").isFor(names)).isFalse();
        assertThat(roomMessage(": ping").isFor(List.of(""))).isFalse();
        ChatMessage direct = new ChatMessage("m2", Direction.INBOUND, "alice", "alice", "bot", "ping", Instant.EPOCH, DeliveryStatus.RECEIVED);
        assertThat(direct.isFor(List.of())).isTrue();
    }

    @Test
    void constructor_blankIdOrNullField_rejectedNamingIt() {
        assertThatThrownBy(() -> new ChatMessage(" ", Direction.INBOUND, "a", "a", "b", "x", Instant.EPOCH, DeliveryStatus.RECEIVED))
                .hasMessageContaining("id");
        assertThatThrownBy(() -> new ChatMessage("m", Direction.INBOUND, "a", "a", "b", null, Instant.EPOCH, DeliveryStatus.RECEIVED))
                .hasMessageContaining("body");
    }

    @Test
    void inRoom_roomAddress_true() {
        assertThat(roomMessage("x").inRoom()).isTrue();
        assertThat(ChatMessage.isRoom("alice")).isFalse();
    }
}
