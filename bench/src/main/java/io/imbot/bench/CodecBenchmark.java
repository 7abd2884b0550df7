package io.imbot.bench;

import io.imbot.protocol.Frame;
import io.imbot.protocol.FrameCodec;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the protocol codec on the send path's frames (a message with the benchmark body, an ACK).
 * Run with {@code bench/jmh} (or {@code java -cp ... org.openjdk.jmh.Main CodecBenchmark}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CodecBenchmark {

    private final Frame.Msg msg = new Frame.Msg("k3j9d0a1b2c3-1x2y", "", "#sink-bench", Payload.BODY, 1732580000000L);
    private final Frame.Ack ack = new Frame.Ack("k3j9d0a1b2c3-1x2y");
    private byte[] msgBytes;
    private byte[] ackBytes;

    public CodecBenchmark() {
        Buffer m = FrameCodec.encode(msg);
        msgBytes = m.getBytes(FrameCodec.HEADER_BYTES, m.length());
        Buffer a = FrameCodec.encode(ack);
        ackBytes = a.getBytes(FrameCodec.HEADER_BYTES, a.length());
    }

    @Benchmark
    public Buffer encodeMsg() {
        return FrameCodec.encode(msg);
    }

    @Benchmark
    public Buffer encodeAck() {
        return FrameCodec.encode(ack);
    }

    @Benchmark
    public Frame decodeMsg() throws Exception {
        return FrameCodec.decode(msgBytes, 0, msgBytes.length);
    }

    @Benchmark
    public Frame decodeAck() throws Exception {
        return FrameCodec.decode(ackBytes, 0, ackBytes.length);
    }
}
