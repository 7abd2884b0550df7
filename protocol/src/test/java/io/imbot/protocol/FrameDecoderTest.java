package io.imbot.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private final List<Frame> frames = new ArrayList<>();
    private final List<ProtocolException> errors = new ArrayList<>();
    private final FrameDecoder decoder = new FrameDecoder(1024, frames::add, errors::add);

    @Test
    void handle_everyFrameType_roundTrips() {
        List<Frame> all = List.of(
                new Frame.Login("alice", "secret"),
                new Frame.LoginOk("alice"),
                new Frame.Msg("m-1", "alice", "bot", "héllo \"wörld\" 😀", 1234L),
                new Frame.Msg("m-2", "", "#lobby", "hi", 0L),
                new Frame.Ack("m-1"),
                new Frame.Ping(),
                new Frame.Pong(),
                new Frame.Error("bad_field", "field 'to' is missing", "m-3"),
                new Frame.Join("#lobby"),
                new Frame.Joined("#lobby"),
                new Frame.Leave("#lobby"),
                new Frame.Left("#lobby"));
        all.forEach(f -> decoder.handle(FrameCodec.encode(f)));
        assertThat(frames).containsExactlyElementsOf(all);
        assertThat(errors).isEmpty();
    }

    @Test
    void handle_streamSplitAtEveryByte_decodesSameFrames() {
        Buffer stream = Buffer.buffer();
        stream.appendBuffer(FrameCodec.encode(new Frame.Msg("a", "x", "y", "first", 1)));
        stream.appendBuffer(FrameCodec.encode(new Frame.Ack("a")));
        stream.appendBuffer(FrameCodec.encode(new Frame.Msg("b", "x", "y", "second ✓", 2)));
        for (int i = 0; i < stream.length(); i++) {
            decoder.handle(stream.getBuffer(i, i + 1));
        }
        assertThat(frames).extracting(Frame::type).containsExactly("msg", "ack", "msg");
        assertThat(((Frame.Msg) frames.get(2)).body()).isEqualTo("second ✓");
        assertThat(errors).isEmpty();
    }

    @Test
    void handle_lengthAboveMaximum_failsFatallyWithoutBuffering() {
        decoder.handle(Buffer.buffer().appendInt(Integer.MAX_VALUE).appendString("{}"));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
            assertThat(e.fatal()).isTrue();
        });
        assertThat(decoder.broken()).isTrue();
        decoder.handle(FrameCodec.encode(new Frame.Ping()));
        assertThat(frames).isEmpty();
    }

    @Test
    void handle_negativeLength_failsFatally() {
        decoder.handle(Buffer.buffer().appendInt(-5));
        assertThat(errors).singleElement().extracting(ProtocolException::code).isEqualTo(ErrorCode.BAD_LENGTH);
    }

    @Test
    void handle_invalidUtf8_failsFatally() {
        byte[] payload = {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        decoder.handle(Buffer.buffer().appendInt(payload.length).appendBytes(payload));
        assertThat(errors).singleElement().extracting(ProtocolException::code).isEqualTo(ErrorCode.BAD_JSON);
        assertThat(decoder.broken()).isTrue();
    }

    @Test
    void handle_jsonArrayOrTrailingGarbage_failsFatally() {
        feedRaw("[1,2]");
        assertThat(errors).singleElement().extracting(ProtocolException::code).isEqualTo(ErrorCode.BAD_JSON);
        FrameDecoder other = new FrameDecoder(1024, frames::add, errors::add);
        byte[] p = "{\"type\":\"ping\"} {}".getBytes(StandardCharsets.UTF_8);
        other.handle(Buffer.buffer().appendInt(p.length).appendBytes(p));
        assertThat(errors).hasSize(2).last().extracting(ProtocolException::code).isEqualTo(ErrorCode.BAD_JSON);
    }

    @Test
    void handle_unknownTypeThenValidFrame_reportsAndContinues() {
        feedRaw("{\"type\":\"teleport\",\"id\":\"x1\"}");
        decoder.handle(FrameCodec.encode(new Frame.Ping()));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);
            assertThat(e.fatal()).isFalse();
            assertThat(e.ref()).isEqualTo("x1");
        });
        assertThat(frames).containsExactly(new Frame.Ping());
    }

    @Test
    void handle_missingOrMistypedField_reportsBadFieldNamingIt() {
        feedRaw("{\"type\":\"msg\",\"id\":\"m1\",\"body\":\"hi\"}");
        feedRaw("{\"type\":\"msg\",\"id\":\"m2\",\"to\":\"bob\",\"body\":42}");
        feedRaw("{\"type\":\"msg\",\"id\":\"m3\",\"to\":\"bob\",\"body\":\"x\",\"extra\":{\"a\":[1,2]}}");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).code()).isEqualTo(ErrorCode.BAD_FIELD);
        assertThat(errors.get(0).getMessage()).contains("'to'");
        assertThat(errors.get(0).ref()).isEqualTo("m1");
        assertThat(errors.get(1).getMessage()).contains("'body'");
        assertThat(frames).singleElement().extracting(f -> ((Frame.Msg) f).id()).isEqualTo("m3");
    }

    @Test
    void handle_largeFrameNearMaximum_isAccepted() {
        FrameDecoder big = new FrameDecoder(1 << 20, frames::add, errors::add);
        String body = "x".repeat((1 << 20) - 100);
        Buffer encoded = FrameCodec.encode(new Frame.Msg("big", "a", "b", body, 0));
        for (int i = 0; i < encoded.length(); i += 65536) {
            big.handle(encoded.getBuffer(i, Math.min(encoded.length(), i + 65536)));
        }
        assertThat(errors).isEmpty();
        assertThat(((Frame.Msg) frames.get(0)).body()).hasSize(body.length());
    }

    @Test
    void handle_maximalLengthDeclaredButPayloadNotSent_buffersOnlyWhatArrived() {
        FrameDecoder big = new FrameDecoder(1 << 20, frames::add, errors::add);
        String body = "x".repeat((1 << 20) - 100);
        Buffer encoded = FrameCodec.encode(new Frame.Msg("big", "a", "b", body, 0));

        big.handle(encoded.getBuffer(0, 4)); // the length prefix alone
        int afterPrefix = big.capacity();
        big.handle(encoded.getBuffer(4, 4 + 100_000));
        int afterSomePayload = big.capacity();
        for (int i = 4 + 100_000; i < encoded.length(); i += 65536) {
            big.handle(encoded.getBuffer(i, Math.min(encoded.length(), i + 65536)));
        }

        assertThat(afterPrefix).as("a declared 1 MiB reserves nothing").isLessThanOrEqualTo(4096);
        assertThat(afterSomePayload).as("grows with the bytes that came").isBetween(100_004, 2 * 100_004);
        assertThat(frames).singleElement().satisfies(f -> assertThat(((Frame.Msg) f).body()).hasSize(body.length()));
        assertThat(big.capacity()).as("shrinks back once the frame is out").isLessThanOrEqualTo(65536);
        assertThat(errors).isEmpty();
    }

    @Test
    void maxFrameBytes_raisedByTheFrameHandler_appliesToTheNextFrameInTheSameChunk() {
        Buffer chunk = Buffer.buffer()
                .appendBuffer(FrameCodec.encode(new Frame.Login("alice", "")))
                .appendBuffer(FrameCodec.encode(new Frame.Msg("m-1", "", "bob", "y".repeat(200), 0)));
        FrameDecoder[] raising = new FrameDecoder[1];
        raising[0] = new FrameDecoder(64, f -> {
            frames.add(f);
            raising[0].maxFrameBytes(1024);
        }, errors::add);
        FrameDecoder fixed = new FrameDecoder(64, f -> { }, errors::add);

        raising[0].handle(chunk);
        assertThat(frames).extracting(Frame::type).containsExactly("login", "msg");
        assertThat(errors).isEmpty();
        fixed.handle(chunk);
        assertThat(errors).singleElement().extracting(ProtocolException::code).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
    }

    private void feedRaw(String json) {
        byte[] p = json.getBytes(StandardCharsets.UTF_8);
        decoder.handle(Buffer.buffer().appendInt(p.length).appendBytes(p));
    }

    @Test
    void handle_mistypedFieldWithHugeId_errorRefIsDropped() {
        feedRaw("{\"type\":\"msg\",\"id\":\"" + "x".repeat(500) + "\",\"to\":42}");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_FIELD);
            assertThat(e.ref()).isEmpty();
        });
    }

    @Test
    void loginToString_withToken_hidesIt() {
        assertThat(new Frame.Login("alice", "s3cret").toString()).doesNotContain("s3cret").contains("alice");
    }
}
