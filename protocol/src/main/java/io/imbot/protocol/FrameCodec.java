package io.imbot.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Turns frames into wire bytes and back: a 4-byte big-endian length, then that many bytes of UTF-8
 * JSON holding one object. Stateless and thread-safe.
 */
public final class FrameCodec {

    /** Bytes in the length prefix. */
    public static final int HEADER_BYTES = 4;

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private FrameCodec() {}

    /** Encodes {@code frame} with its length prefix. */
    public static Buffer encode(Frame frame) {
        Buffer out = Buffer.buffer(128);
        out.appendInt(0);
        try (JsonGenerator g = JSON.createGenerator(new BufferOutput(out))) {
            g.writeStartObject();
            g.writeStringField("type", frame.type());
            writeFields(g, frame);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.setInt(0, out.length() - HEADER_BYTES);
        return out;
    }

    private static void writeFields(JsonGenerator g, Frame frame) throws IOException {
        if (frame instanceof Frame.Msg f) {
            g.writeStringField("id", f.id());
            if (!f.from().isEmpty()) {
                g.writeStringField("from", f.from());
            }
            g.writeStringField("to", f.to());
            g.writeStringField("body", f.body());
            g.writeNumberField("ts", f.ts());
        } else if (frame instanceof Frame.Ack f) {
            g.writeStringField("id", f.id());
        } else if (frame instanceof Frame.Login f) {
            g.writeStringField("user", f.user());
            if (!f.token().isEmpty()) {
                g.writeStringField("token", f.token());
            }
        } else if (frame instanceof Frame.LoginOk f) {
            g.writeStringField("user", f.user());
        } else if (frame instanceof Frame.Error f) {
            g.writeStringField("code", f.code());
            g.writeStringField("text", f.text());
            if (!f.ref().isEmpty()) {
                g.writeStringField("ref", f.ref());
            }
        } else if (frame instanceof Frame.Join f) {
            g.writeStringField("room", f.room());
        } else if (frame instanceof Frame.Joined f) {
            g.writeStringField("room", f.room());
        } else if (frame instanceof Frame.Leave f) {
            g.writeStringField("room", f.room());
        } else if (frame instanceof Frame.Left f) {
            g.writeStringField("room", f.room());
        }
        // Ping and Pong carry no fields.
    }

    /**
     * Decodes one payload (the bytes after the length prefix).
     *
     * @throws ProtocolException {@link ErrorCode#BAD_JSON} when the bytes are not UTF-8 JSON holding
     *     one object (fatal); {@link ErrorCode#UNKNOWN_TYPE} or {@link ErrorCode#BAD_FIELD} when the
     *     object is not a valid frame (not fatal)
     */
    public static Frame decode(byte[] payload, int offset, int length) throws ProtocolException {
        RawFrame raw = parse(payload, offset, length);
        return raw.toFrame();
    }

    private static RawFrame parse(byte[] payload, int offset, int length) throws ProtocolException {
        RawFrame raw = new RawFrame();
        try (JsonParser p = JSON.createParser(payload, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ProtocolException(ErrorCode.BAD_JSON, "payload is not a JSON object", "");
            }
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                raw.accept(name, value, p);
            }
            if (token != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new ProtocolException(ErrorCode.BAD_JSON, "payload must hold exactly one JSON object", "");
            }
        } catch (JsonProcessingException e) {
            throw new ProtocolException(ErrorCode.BAD_JSON, "malformed JSON: " + e.getOriginalMessage(), "");
        } catch (IOException e) {
            throw new ProtocolException(ErrorCode.BAD_JSON, "unreadable payload: " + e.getMessage(), "");
        }
        return raw;
    }

    /** Adapts a Vert.x buffer to the generator's output stream. */
    private static final class BufferOutput extends OutputStream {
        private final Buffer buffer;

        BufferOutput(Buffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(int b) {
            buffer.appendByte((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            buffer.appendBytes(b, off, len);
        }
    }
}
