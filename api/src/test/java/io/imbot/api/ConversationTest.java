package io.imbot.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConversationTest {

    @Test
    void preview_shortText_keptWhole() {
        assertThat(Conversation.preview("")).isEmpty();
        assertThat(Conversation.preview("x".repeat(Conversation.PREVIEW_CHARS))).hasSize(Conversation.PREVIEW_CHARS);
    }

    @Test
    void preview_longText_cutToPreviewChars() {
        assertThat(Conversation.preview("y".repeat(500))).isEqualTo("y".repeat(Conversation.PREVIEW_CHARS));
    }

    @Test
    void preview_cutThroughSurrogatePair_dropsTheWholePair() {
        String text = "a" + "😀".repeat(150); // the pair at chars 199 and 200 would be split at 200

        String preview = Conversation.preview(text);

        assertThat(preview).isEqualTo("a" + "😀".repeat(99));
        assertThat(Character.isHighSurrogate(preview.charAt(preview.length() - 1))).isFalse();
    }

    @Test
    void constructor_nullOrNegative_rejectedNamingIt() {
        assertThatThrownBy(() -> new Conversation("alice", "m1", Direction.INBOUND, "alice", null, Instant.EPOCH, 1, 1))
                .hasMessageContaining("lastPreview");
        assertThatThrownBy(() -> new Conversation("alice", "m1", Direction.INBOUND, "alice", "hi", Instant.EPOCH, 1, -1))
                .hasMessageContaining("unanswered");
    }
}
