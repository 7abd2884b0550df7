package io.imbot.plugins.ircconnector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class IrcTextTest {

    @Test
    void clean_formattingCodes_removedTextKept() {
        assertThat(IrcText.clean("\u0002bold\u0002 \u001Ditalic\u001D \u001Funder\u001F \u001Estrike\u001E \u0011mono\u0011 \u0016rev\u0016 \u000Freset"))
                .isEqualTo("bold italic under strike mono rev reset");
    }

    @Test
    void clean_colourCodes_digitsAndBackgroundRemoved_followingDigitsKept() {
        assertThat(IrcText.clean("\u000304red\u0003 \u00034,12on blue\u0003 \u0003plain \u0003099 bottles")).isEqualTo("red on blue plain 9 bottles");
        assertThat(IrcText.clean("\u00035,text")).as("a comma without digits is text").isEqualTo(",text");
        assertThat(IrcText.clean("\u0004ff0000red\u0004 \u0004abc")).as("hex colours need six digits").isEqualTo("red abc");
    }

    @Test
    void clean_controlCharacters_removedExceptTab() {
        assertThat(IrcText.clean("a\tb\u0007c\u001bd\u007fe")).isEqualTo("a\tbcde");
    }

    @Test
    void decode_validUtf8_asUtf8_otherBytes_asLatin1() {
        assertThat(IrcText.decode("Grüße 😀".getBytes(StandardCharsets.UTF_8))).isEqualTo("Grüße 😀");
        assertThat(IrcText.decode("Grüße".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("Grüße");
    }

    @Test
    void action_andOtherCtcp_told() {
        assertThat(IrcText.action("\u0001ACTION waves\u0001")).isEqualTo("waves");
        assertThat(IrcText.action("\u0001ACTION waves")).as("the closing delimiter is optional").isEqualTo("waves");
        assertThat(IrcText.action("\u0001VERSION\u0001")).isNull();
        assertThat(IrcText.isCtcp("\u0001VERSION\u0001")).isTrue();
        assertThat(IrcText.isCtcp("hello")).isFalse();
    }

    @Test
    void split_lineBreaksOfEveryKind_oneTextEach_blankLinesAndNulLeftOut() {
        assertThat(IrcText.split("a\r\nb\nc\rd\n\n \ne\0f\n", 400)).containsExactly("a", "b", "c", "d", "ef");
        assertThat(IrcText.split("\n\r\n", 400)).isEmpty();
    }

    @Test
    void split_longLineWithSpaces_cutAtSpacesThatBecomeTheBreaks() {
        String line = "word ".repeat(100).strip();

        List<String> pieces = IrcText.split(line, 42);

        assertThat(pieces).allSatisfy(p -> assertThat(IrcText.utf8Length(p)).isLessThanOrEqualTo(42));
        assertThat(pieces).allSatisfy(p -> assertThat(p).doesNotStartWith(" ").doesNotEndWith(" "));
        assertThat(String.join(" ", pieces)).isEqualTo(line);
    }

    @Test
    void split_longLineWithoutSpaces_cutBetweenCodePoints_neverInsideOne() {
        String line = "ü€😀x".repeat(50); // 2 + 3 + 4 + 1 bytes; the emoji is two UTF-16 chars

        for (int max = 4; max <= 13; max++) {
            List<String> pieces = IrcText.split(line, max);
            int limit = max;
            assertThat(pieces).allSatisfy(p -> {
                assertThat(IrcText.utf8Length(p)).isLessThanOrEqualTo(limit);
                assertThat(new String(p.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).as("no broken surrogate pair").isEqualTo(p);
            });
            assertThat(String.join("", pieces)).isEqualTo(line);
        }
    }

    @Test
    void split_aWordLongerThanHalfAPiece_cutHardRatherThanWastingTheLine() {
        assertThat(IrcText.split("ab " + "c".repeat(30), 10)).containsExactly("ab ccccccc", "cccccccccc", "cccccccccc", "ccc");
    }

    @Test
    void utf8Length_countsBytes() {
        assertThat(IrcText.utf8Length("aü€😀")).isEqualTo(1 + 2 + 3 + 4);
    }
}
