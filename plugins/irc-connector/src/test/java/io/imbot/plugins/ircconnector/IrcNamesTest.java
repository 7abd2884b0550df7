package io.imbot.plugins.ircconnector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IrcNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"bot", "Alice", "[away]", "x-1", "_under", "`quote", "a{b}|c^"})
    void checkNick_rfc2812Nicks_valid(String nick) {
        assertThat(IrcNames.checkNick(nick)).isNull();
        assertThat(IrcNames.checkAddress(nick)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1abc", "-dash", "two words", "a,b", "a\r\nQUIT", "jos\u00e9", "a@b", "#"})
    void checkNick_others_refusedWithAReason(String nick) {
        assertThat(IrcNames.checkNick(nick)).startsWith("not an IRC nick");
    }

    @Test
    void checkNick_overTheLengthBound_refused() {
        assertThat(IrcNames.checkNick("a".repeat(IrcNames.MAX_NICK))).isNull();
        assertThat(IrcNames.checkNick("a".repeat(IrcNames.MAX_NICK + 1))).contains("1-64 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"#lobby", "#Lobby.2", "#ü", "#a-b_c"})
    void checkChannel_valid(String name) {
        assertThat(IrcNames.checkChannel(name)).isNull();
        assertThat(IrcNames.checkAddress(name)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"#", "lobby", "#two words", "#a,b", "#a:b", "#bell\u0007", "#a\r\nQUIT", "#nul\0"})
    void checkChannel_others_refusedWithAReason(String name) {
        assertThat(IrcNames.checkChannel(name)).startsWith("not an IRC channel");
    }

    @Test
    void checkChannel_overFiftyCharacters_refused() {
        assertThat(IrcNames.checkChannel("#" + "a".repeat(49))).isNull();
        assertThat(IrcNames.checkChannel("#" + "a".repeat(50))).isNotNull();
    }

    @Test
    void same_caseInsensitive_withRfc1459Brackets() {
        assertThat(IrcNames.same("Bot", "bOT")).isTrue();
        assertThat(IrcNames.same("[a]\\~", "{A}|^")).isTrue();
        assertThat(IrcNames.same("bot", "bot_")).isFalse();
    }

    @Test
    void alternative_underscoresThenDigits_cutToTheKnownMaximum() {
        assertThat(IrcNames.alternative("bot", 1, Integer.MAX_VALUE, 7)).isEqualTo("bot_");
        assertThat(IrcNames.alternative("bot", 2, Integer.MAX_VALUE, 7)).isEqualTo("bot__");
        assertThat(IrcNames.alternative("bot", 3, Integer.MAX_VALUE, 7)).isEqualTo("bot07");
        assertThat(IrcNames.alternative("bot", 1, 3, 7)).isEqualTo("bo_");
        assertThat(IrcNames.alternative("bot", 3, 3, 42)).isEqualTo("b42");
        assertThat(IrcNames.alternative("b", 2, 1, 0)).as("never empty").isEqualTo("b__");
    }

    @Test
    void userName_lettersAndDigitsOfTheNick() {
        assertThat(IrcNames.userName("[bot]-2")).isEqualTo("bot2");
        assertThat(IrcNames.userName("averyveryverylongnick")).isEqualTo("averyveryv");
        assertThat(IrcNames.userName("[]")).isEqualTo("imbot");
    }
}
