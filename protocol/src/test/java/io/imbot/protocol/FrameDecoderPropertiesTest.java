package io.imbot.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Fuzzes the decoder: whatever arrives, it never throws, and valid frames survive any split. */
class FrameDecoderPropertiesTest {

    @Property(tries = 2000)
    void handle_randomBytesInRandomChunks_neverThrowsAndStopsAtFirstFatalError(
            @ForAll @Size(max = 600) byte[] bytes, @ForAll @IntRange(min = 1, max = 64) int chunk) {
        List<ProtocolException> errors = new ArrayList<>();
        List<Frame> frames = new ArrayList<>();
        FrameDecoder decoder = new FrameDecoder(256, frames::add, errors::add);
        for (int i = 0; i < bytes.length; i += chunk) {
            decoder.handle(Buffer.buffer().appendBytes(bytes, i, Math.min(chunk, bytes.length - i)));
        }
        long fatal = errors.stream().filter(ProtocolException::fatal).count();
        assertThat(fatal).isLessThanOrEqualTo(1);
        if (fatal == 1) {
            assertThat(errors.get(errors.size() - 1).fatal()).isTrue();
            assertThat(decoder.broken()).isTrue();
        }
        errors.forEach(e -> assertThat(e.toFrame().code()).isNotBlank());
    }

    @Property(tries = 500)
    void handle_validFramesSplitAnywhere_decodeInOrder(
            @ForAll("messages") List<Frame.Msg> messages, @ForAll @IntRange(min = 1, max = 97) int chunk) {
        Buffer stream = Buffer.buffer();
        messages.forEach(m -> stream.appendBuffer(FrameCodec.encode(m)));
        List<Frame> frames = new ArrayList<>();
        List<ProtocolException> errors = new ArrayList<>();
        FrameDecoder decoder = new FrameDecoder(64 * 1024, frames::add, errors::add);
        for (int i = 0; i < stream.length(); i += chunk) {
            decoder.handle(stream.getBuffer(i, Math.min(stream.length(), i + chunk)));
        }
        assertThat(errors).isEmpty();
        assertThat(frames).containsExactlyElementsOf(messages);
    }

    @Property(tries = 1000)
    void decode_mutatedValidFrame_eitherDecodesOrReportsTypedError(
            @ForAll("messages") List<Frame.Msg> messages,
            @ForAll @IntRange(min = 0, max = 10_000) int position,
            @ForAll byte replacement) {
        if (messages.isEmpty()) {
            return;
        }
        Buffer encoded = FrameCodec.encode(messages.get(0));
        byte[] payload = encoded.getBytes(FrameCodec.HEADER_BYTES, encoded.length());
        payload[position % payload.length] = replacement;
        try {
            Frame frame = FrameCodec.decode(payload, 0, payload.length);
            assertThat(frame.type()).isNotBlank();
        } catch (ProtocolException e) {
            assertThat(e.code()).isNotNull();
        }
    }

    @Provide
    Arbitrary<List<Frame.Msg>> messages() {
        Arbitrary<String> ids = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40);
        Arbitrary<String> names = Arbitraries.strings().withChars("abcXYZ019_.-").ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> bodies = Arbitraries.strings().ofMinLength(1).ofMaxLength(300)
                .filter(s -> s.equals(new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)));
        return Combinators.combine(ids, names, names, bodies, Arbitraries.longs())
                .as(Frame.Msg::new)
                .list()
                .ofMaxSize(8);
    }
}
