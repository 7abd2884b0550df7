package io.imbot.core.fault;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.core.testing.RawClient;
import io.imbot.protocol.Frame;
import io.imbot.protocol.FrameCodec;
import io.imbot.server.ImServer;
import io.imbot.server.ServerOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Throws generated bad input at a running reference server over real sockets: random bytes,
 * truncated and mutated frames, huge and negative lengths, invalid UTF-8, missing fields, unknown
 * types, all split at random boundaries. After every input the server must still serve a client.
 */
class BadInputFuzzTest {

    private static Vertx vertx;
    private static ImServer server;
    /** Held for the whole run: Vert.x shuts an unreachable NetClient down, connections and all, after a GC. */
    private static NetClient client;
    private static final AtomicLong inputs = new AtomicLong();

    @BeforeContainer
    static void start() {
        vertx = Vertx.vertx();
        server = await(ImServer.start(vertx, ServerOptions.defaults().withPort(0).withOpenLogin(true).withMaxFrameBytes(4096)));
        client = vertx.createNetClient();
    }

    @AfterContainer
    static void stop() {
        long errors = await(server.stats()).protocolErrors();
        System.out.printf("FAULT-REPORT bad input: %d generated inputs sent to the reference server; %d protocol errors answered; "
                + "server kept serving after every one%n", inputs.get(), errors);
        await(vertx.close());
    }

    @Property(tries = 300)
    void server_anyBadInputSplitAnywhere_answersOrClosesAndKeepsServing(
            @ForAll("badInput") byte[] input, @ForAll @IntRange(min = 1, max = 64) int chunk, @ForAll boolean loginFirst) {
        inputs.incrementAndGet();
        NetSocket socket = await(client.connect(server.port(), "127.0.0.1"));
        if (loginFirst) {
            socket.write(FrameCodec.encode(new Frame.Login("fuzzer", "")));
        }
        for (int i = 0; i < input.length; i += chunk) {
            socket.write(Buffer.buffer().appendBytes(input, i, Math.min(chunk, input.length - i)));
        }
        await(socket.close());

        RawClient probe = await(RawClient.login(vertx, server.port(), "probe"));
        var pong = probe.next(f -> f instanceof Frame.Pong);
        probe.send(new Frame.Ping());
        assertThat(await(pong, 10)).isInstanceOf(Frame.Pong.class);
        await(probe.close());
    }

    @Provide
    Arbitrary<byte[]> badInput() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                validFrame().flatMap(f -> Arbitraries.integers().between(0, f.length).map(n -> copy(f, n))),
                Combinators.combine(validFrame(), Arbitraries.integers().between(0, 10_000), Arbitraries.bytes())
                        .as(BadInputFuzzTest::mutate),
                Arbitraries.of(Integer.MAX_VALUE, -1, 0, 4097, Integer.MIN_VALUE).map(n -> Buffer.buffer().appendInt(n).appendString("{}").getBytes()),
                Arbitraries.of(new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, new byte[] {(byte) 0xFF, (byte) 0xFE})
                        .map(BadInputFuzzTest::framed),
                Arbitraries.of("{}", "[]", "null", "{\"type\":42}", "{\"type\":\"msg\"}", "{\"type\":\"msg\",\"id\":\"x\",\"to\":\"#\",\"body\":\"\"}",
                                "{\"type\":\"teleport\",\"id\":\"t\"}", "{\"type\":\"ack\",\"id\":[1]}", "{\"type\":\"join\",\"room\":\"nohash\"}",
                                "{\"type\":\"login\",\"user\":\"\"}", "{\"type\":\"msg\",\"id\":\"" + "i".repeat(300) + "\",\"to\":\"a\",\"body\":\"b\"}")
                        .map(s -> framed(s.getBytes(StandardCharsets.UTF_8))));
    }

    private Arbitrary<byte[]> validFrame() {
        Arbitrary<String> words = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20);
        return Combinators.combine(words, words, words).as((id, to, body) -> FrameCodec.encode(new Frame.Msg(id, "", to, body, 1)).getBytes());
    }

    private static byte[] framed(byte[] payload) {
        return Buffer.buffer().appendInt(payload.length).appendBytes(payload).getBytes();
    }

    private static byte[] copy(byte[] b, int n) {
        byte[] out = new byte[n];
        System.arraycopy(b, 0, out, 0, n);
        return out;
    }

    private static byte[] mutate(byte[] frame, int position, byte value) {
        byte[] out = frame.clone();
        out[position % out.length] = value;
        return out;
    }
}
