package io.imbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.protocol.Frame;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxTestContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BadInputTest extends ServerTestBase {

    private static final int MAX_FRAME = 1024;

    @Override
    ServerOptions options() {
        return super.options().withMaxFrameBytes(MAX_FRAME);
    }

    private static Buffer payload(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return Buffer.buffer().appendInt(bytes.length).appendBytes(bytes);
    }

    /** Sends {@code bytes}, expects a fatal error with {@code code}, then the close; then a new connection still works. */
    private void expectFatal(VertxTestContext ctx, Buffer bytes, String code) {
        loggedIn("alice").compose(c -> c.sendRaw(bytes)
                        .compose(v -> c.next(Frame.Error.class))
                        .compose(error -> {
                            ctx.verify(() -> assertThat(error.code()).isEqualTo(code));
                            return c.closed();
                        }))
                .compose(v -> loggedIn("alice"))
                .compose(TestClient::sync)
                .compose(v -> verifyStats(ctx, stats -> assertThat(stats.protocolErrors()).isEqualTo(1)))
                .onFailure(ctx::failNow);
    }

    @Test
    void frame_lengthAboveMaximum_frameTooLargeThenClose(VertxTestContext ctx) {
        expectFatal(ctx, Buffer.buffer().appendInt(MAX_FRAME + 1).appendString("{}"), "frame_too_large");
    }

    @Test
    void frame_negativeLength_badLengthThenClose(VertxTestContext ctx) {
        expectFatal(ctx, Buffer.buffer().appendInt(-5).appendString("{}"), "bad_length");
    }

    @Test
    void frame_notJson_badJsonThenClose(VertxTestContext ctx) {
        expectFatal(ctx, payload("hello, not json"), "bad_json");
    }

    @Test
    void frame_unknownType_errorAndConnectionStaysOpen(VertxTestContext ctx) {
        loggedIn("alice").compose(c -> c.sendRaw(payload("{\"type\":\"teleport\",\"id\":\"x-1\"}"))
                        .compose(v -> c.next(Frame.Error.class))
                        .compose(error -> {
                            ctx.verify(() -> {
                                assertThat(error.code()).isEqualTo("unknown_type");
                                assertThat(error.ref()).isEqualTo("x-1");
                            });
                            return c.sync();
                        }))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void frame_serverOnlyTypes_unknownTypeErrorsAndPongIgnored(VertxTestContext ctx) {
        loggedIn("alice").compose(c -> c.send(new Frame.LoginOk("alice"))
                        .compose(v -> c.send(new Frame.Joined("#lobby")))
                        .compose(v -> c.send(new Frame.Left("#lobby")))
                        .compose(v -> c.send(new Frame.Pong())) // ignored
                        .compose(v -> c.send(new Frame.Error("bad_field", "from a client", ""))) // logged, never answered
                        .compose(v -> Future.all(c.next(Frame.Error.class), c.next(Frame.Error.class), c.next(Frame.Error.class)))
                        .compose(errors -> {
                            ctx.verify(() -> assertThat(errors.<Frame.Error>list())
                                    .extracting(Frame.Error::code)
                                    .containsExactly("unknown_type", "unknown_type", "unknown_type"));
                            return c.sync();
                        }))
                .compose(v -> verifyStats(ctx, stats -> assertThat(stats.protocolErrors()).isEqualTo(3)))
                .onFailure(ctx::failNow);
    }

    @Test
    void frame_badField_errorWithRefAndConnectionStaysOpen(VertxTestContext ctx) {
        loggedIn("alice").compose(c -> c.sendRaw(payload("{\"type\":\"msg\",\"id\":\"m-1\",\"body\":\"no recipient\"}"))
                        .compose(v -> c.next(Frame.Error.class))
                        .compose(error -> {
                            ctx.verify(() -> {
                                assertThat(error.code()).isEqualTo("bad_field");
                                assertThat(error.ref()).isEqualTo("m-1");
                            });
                            return c.sync();
                        }))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void frame_splitAcrossWrites_decodedWhole(VertxTestContext ctx) {
        Buffer ping = payload("{\"type\":\"ping\"}");
        connect().compose(c -> c.sendRaw(ping.getBuffer(0, 3))
                        .compose(v -> c.sendRaw(ping.getBuffer(3, ping.length())))
                        .compose(v -> c.next(Frame.Pong.class)))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void connection_idleLongerThanTimeout_closed(VertxTestContext ctx) {
        ImServer.start(vertx, options().withIdleTimeout(Duration.ofMillis(200)))
                .compose(idle -> TestClient.connect(vertx, idle.port()))
                .compose(TestClient::closed)
                .onComplete(ctx.succeedingThenComplete());
    }
}
