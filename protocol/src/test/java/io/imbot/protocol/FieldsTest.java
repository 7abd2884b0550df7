package io.imbot.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldsTest {

    private final List<Frame> frames = new ArrayList<>();
    private final List<ProtocolException> errors = new ArrayList<>();
    private final FrameDecoder decoder = new FrameDecoder(1024, frames::add, errors::add);

    private void feed(String json) {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        decoder.handle(Buffer.buffer().appendInt(payload.length).appendBytes(payload));
    }

    @Test
    void loneSurrogate_validAndBrokenText_findsTheFirstUnpairedOne() {
        assertThat(Fields.loneSurrogate("plain")).isEqualTo(-1);
        assertThat(Fields.loneSurrogate("emoji 😀 ok")).isEqualTo(-1);
        assertThat(Fields.loneSurrogate("ab\ud800cd")).isEqualTo(2);
        assertThat(Fields.loneSurrogate("\udc00")).isZero();
        assertThat(Fields.loneSurrogate("end\ud83d")).isEqualTo(3);
    }

    @Test
    void handle_bodyWithLoneSurrogateEscape_refusedAsBadFieldNotStoredAsQuestionMark() {
        feed("{\"type\":\"msg\",\"id\":\"m-1\",\"to\":\"bot\",\"body\":\"x\\ud800y\"}");

        assertThat(frames).isEmpty();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_FIELD);
            assertThat(e.fatal()).isFalse();
            assertThat(e.getMessage()).contains("lone surrogate at index 1");
        });
    }

    @Test
    void handle_idWithC1ControlCharacter_refusedAsBadField() {
        feed("{\"type\":\"msg\",\"id\":\"m\\u009b2J\",\"to\":\"bot\",\"body\":\"hi\"}");

        assertThat(frames).isEmpty();
        assertThat(errors).singleElement().extracting(ProtocolException::code).isEqualTo(ErrorCode.BAD_FIELD);
    }
}
