package io.imbot.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.ChatMessage;
import io.imbot.api.Conversation;
import io.imbot.api.DeliveryStatus;
import io.imbot.api.Direction;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void printable_controlAndBidiCharacters_shownAsEscapes() {
        assertThat(Formats.printable("a\nb\r\tc")).isEqualTo("a\\nb\\r\\tc");
        assertThat(Formats.printable("\u001b[2Jred\u0007")).isEqualTo("\\u001b[2Jred\\u0007");
        assertThat(Formats.printable("x\u009by\u007f")).isEqualTo("x\\u009by\\u007f");
        assertThat(Formats.printable("abc\u202edef\u2066\u2028")).isEqualTo("abc\\u202edef\\u2066\\u2028");
    }

    @Test
    void printable_ordinaryText_keptAsIs() {
        String text = "héllo wörld 😀 👩‍💻 日本語 back\\slash";

        assertThat(Formats.printable(text)).isEqualTo(text);
    }

    @Test
    void historyLine_bodyWithEscapeSequence_printedEscapedOnOneLine() {
        ChatMessage m = new ChatMessage("m1", Direction.INBOUND, "alice", "alice", "bot", "hi\n\u001b[31mred",
                Instant.EPOCH, DeliveryStatus.RECEIVED);

        assertThat(Formats.historyLine(m, 0)).endsWith("alice -> bot  [RECEIVED]  hi\\n\\u001b[31mred").doesNotContain("\n");
    }

    @Test
    void conversationLine_inboundWaiting_showsDirectionCountsAndEscapedPreview() {
        Conversation c = new Conversation("#lobby", "m9", Direction.INBOUND, "carol", "two\nlines", Instant.EPOCH, 7, 2);

        String line = Formats.conversationLine(c);

        assertThat(line).startsWith("#lobby ").containsPattern("INBOUND\\s+7 messages, 2 unanswered  carol: two\\\\nlines$");
        assertThat(Formats.conversationLine(new Conversation("bob", "o1", Direction.OUTBOUND, "bot", "ok", Instant.EPOCH, 1, 0)))
                .containsPattern("OUTBOUND\\s+1 message, 0 unanswered  bot: ok$");
    }

    @Test
    void lines_onAnotherConnectionThanMain_prefixedWithItsName() {
        ChatMessage m = new ChatMessage("m1", Direction.INBOUND, "alice", "alice", "bot", "hi", Instant.EPOCH, DeliveryStatus.RECEIVED,
                "office");
        Conversation c = new Conversation("alice", "m1", Direction.INBOUND, "alice", "hi", Instant.EPOCH, 1, 1, "office");

        assertThat(Formats.historyLine(m, 0)).contains("office/alice -> bot");
        assertThat(Formats.conversationLine(c)).startsWith("office/alice");
        assertThat(Formats.historyLine(new ChatMessage("m1", Direction.INBOUND, "alice", "alice", "bot", "hi", Instant.EPOCH,
                DeliveryStatus.RECEIVED), 0)).contains("  alice -> bot");
    }
}
