package io.imbot.protocol;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;

/**
 * Cuts a byte stream into frames. Feed it whatever the socket delivers, split anywhere; it calls
 * the frame handler once per complete, valid frame, in order.
 *
 * <p>A frame whose fields are wrong ({@code unknown_type}, {@code bad_field}) goes to the error
 * handler and decoding continues. A framing error (bad length, too large, not a JSON object) goes
 * to the error handler once and the decoder then ignores all further input: the caller should send
 * the error frame and close the connection.
 *
 * <p>Not thread-safe: use it from the event loop that reads the socket. It buffers at most one
 * frame: a length prefix above the maximum is refused before its payload is read.
 *
 * <p>Memory follows the bytes that arrived, never the length a peer declares: a 4-byte prefix
 * announcing a maximal frame costs nothing until the payload comes. The buffer doubles as data
 * arrives (so it is at most about twice the bytes held, plus one socket read) and shrinks back once
 * the bytes it holds fit in a small one.
 */
public final class FrameDecoder implements Handler<Buffer> {

    private int maxFrameBytes;
    private final Handler<Frame> frames;
    private final Handler<ProtocolException> errors;

    private static final int INITIAL_CAPACITY = 4096;
    private static final int IDLE_CAPACITY = 65536;

    private byte[] buf = new byte[INITIAL_CAPACITY];
    private int start;
    private int end;
    private boolean broken;

    /**
     * Creates a decoder.
     *
     * @param maxFrameBytes the largest accepted payload, in bytes
     * @param frames receives each decoded frame
     * @param errors receives each protocol violation
     */
    public FrameDecoder(int maxFrameBytes, Handler<Frame> frames, Handler<ProtocolException> errors) {
        if (maxFrameBytes < 16) {
            throw new IllegalArgumentException("maxFrameBytes must be >= 16, was " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
        this.frames = frames;
        this.errors = errors;
    }

    /**
     * Changes the largest accepted payload for every frame whose length prefix is read from now on
     * (also for frames already buffered behind the current one). A server can start a connection
     * with a small limit and raise it once the client has said who it is.
     *
     * @param maxFrameBytes the largest accepted payload, in bytes, at least 16
     */
    public void maxFrameBytes(int maxFrameBytes) {
        if (maxFrameBytes < 16) {
            throw new IllegalArgumentException("maxFrameBytes must be >= 16, was " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    /** The size of the buffer held now, in bytes: what this decoder costs in memory. */
    int capacity() {
        return buf.length;
    }

    /** Whether a framing error stopped the decoder. */
    public boolean broken() {
        return broken;
    }

    @Override
    public void handle(Buffer chunk) {
        if (broken) {
            return;
        }
        append(chunk);
        while (!broken && end - start >= FrameCodec.HEADER_BYTES) {
            int length = readLength();
            if (length <= 0 || length > maxFrameBytes) {
                fail(length);
                return;
            }
            if (end - start - FrameCodec.HEADER_BYTES < length) {
                break; // wait for the rest; the buffer grows only as it arrives (see append)
            }
            int payload = start + FrameCodec.HEADER_BYTES;
            start = payload + length;
            emit(payload, length);
        }
        if (start == end) {
            start = 0;
            end = 0;
        }
        shrinkIfMostlyEmpty();
    }

    /** Do not keep a large frame's buffer for the few bytes that follow it on an idle connection. */
    private void shrinkIfMostlyEmpty() {
        int held = end - start;
        if (buf.length > IDLE_CAPACITY && held <= IDLE_CAPACITY / 2) {
            byte[] smaller = new byte[Math.max(INITIAL_CAPACITY, Integer.highestOneBit(Math.max(1, held)) << 1)];
            System.arraycopy(buf, start, smaller, 0, held);
            buf = smaller;
            start = 0;
            end = held;
        }
    }

    private void emit(int offset, int length) {
        Frame frame;
        try {
            frame = FrameCodec.decode(buf, offset, length);
        } catch (ProtocolException e) {
            broken = e.fatal();
            errors.handle(e);
            return;
        }
        frames.handle(frame);
    }

    private void fail(int length) {
        broken = true;
        if (length <= 0) {
            errors.handle(new ProtocolException(ErrorCode.BAD_LENGTH, "frame length " + length + " is not positive", ""));
        } else {
            errors.handle(new ProtocolException(
                    ErrorCode.FRAME_TOO_LARGE, "frame of " + length + " bytes exceeds the maximum of " + maxFrameBytes, ""));
        }
    }

    private int readLength() {
        return ((buf[start] & 0xff) << 24)
                | ((buf[start + 1] & 0xff) << 16)
                | ((buf[start + 2] & 0xff) << 8)
                | (buf[start + 3] & 0xff);
    }

    private void append(Buffer chunk) {
        int n = chunk.length();
        if (buf.length - end < n) {
            compact();
            if (buf.length - end < n) {
                grow(end + n);
            }
        }
        chunk.getBytes(0, n, buf, end);
        end += n;
    }

    private void compact() {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
    }

    private void grow(int needed) {
        // Double, but never past one maximal frame plus one socket read, unless a single read needs more.
        int size = Math.max(needed, Math.min(buf.length * 2, FrameCodec.HEADER_BYTES + maxFrameBytes + 65536));
        byte[] bigger = new byte[size];
        System.arraycopy(buf, start, bigger, 0, end - start);
        end -= start;
        start = 0;
        buf = bigger;
    }
}
