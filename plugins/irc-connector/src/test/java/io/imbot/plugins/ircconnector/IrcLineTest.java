package io.imbot.plugins.ircconnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IrcLineTest {

    @Test
    void parse_prefixCommandMiddleAndTrailing_allFound() {
        IrcLine line = IrcLine.parse(":alice!al@example.org PRIVMSG #lobby :hello there :)\r");

        assertThat(line.prefix()).isEqualTo("alice!al@example.org");
        assertThat(line.nick()).isEqualTo("alice");
        assertThat(line.fromUser()).isTrue();
        assertThat(line.command()).isEqualTo("PRIVMSG");
        assertThat(line.params()).containsExactly("#lobby", "hello there :)");
        assertThat(line.last()).isEqualTo("hello there :)");
    }

    @Test
    void parse_noPrefixLowerCaseCommandExtraSpaces_normalised() {
        IrcLine line = IrcLine.parse("ping   irc.example.org");

        assertThat(line.prefix()).isEmpty();
        assertThat(line.command()).isEqualTo("PING");
        assertThat(line.params()).containsExactly("irc.example.org");
        assertThat(line.fromUser()).isFalse();
    }

    @Test
    void parse_numericFromAServer_withTagsSkipped() {
        IrcLine line = IrcLine.parse("@time=2026-01-01T00:00:00Z :irc.example.org 433 * bot :Nickname already in use");

        assertThat(line.is("433")).isTrue();
        assertThat(line.nick()).as("a server's name").isEqualTo("irc.example.org");
        assertThat(line.param(1)).isEqualTo("bot");
        assertThat(line.param(7)).isEmpty();
    }

    @Test
    void parse_emptyTrailing_isAnEmptyParameter() {
        assertThat(IrcLine.parse("PRIVMSG bot :").params()).containsExactly("bot", "");
        assertThat(IrcLine.parse("QUIT").params()).isEmpty();
        assertThat(IrcLine.parse("QUIT").last()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", ":", ": PRIVMSG x", ":prefix", ":prefix ", "@tags-only", "12", "1234 x", "PRIV1MSG x", "PRIVMSG\0x :y",
            "\u00ff\u00fe"})
    void parse_malformed_refusedWithAReason(String text) {
        assertThatThrownBy(() -> IrcLine.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageMatching(".+");
    }

    @Test
    void format_trailingAlwaysAfterAColon_middleAsIs() {
        assertThat(IrcLine.format("PRIVMSG", List.of("#lobby"), "hi there")).isEqualTo("PRIVMSG #lobby :hi there");
        assertThat(IrcLine.format("NICK", List.of("bot"), null)).isEqualTo("NICK bot");
        assertThat(IrcLine.format("PRIVMSG", List.of("bob"), ":)")).isEqualTo("PRIVMSG bob ::)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hi\r\nQUIT", "hi\nQUIT", "hi\rQUIT", "hi\0"})
    void format_lineBreakOrNulInTheText_refused(String text) {
        assertThatThrownBy(() -> IrcLine.format("PRIVMSG", List.of("bob"), text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", ":colon", "bob\r\nQUIT"})
    void format_badMiddleParameter_refused(String target) {
        assertThatThrownBy(() -> IrcLine.format("PRIVMSG", List.of(target), "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
