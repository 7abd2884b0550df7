package io.imbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.protocol.Frame;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

/** What the WebSocket port refuses, and how: like the TCP port, with the same error frames and doors. */
class WebSocketDoorsTest extends ServerTestBase {

    private static final int MAX_FRAME = 16 * 1024;

    @Override
    ServerOptions options() {
        return super.options().withWebSocketPort(0).withMaxFrameBytes(MAX_FRAME).withMaxConnections(2);
    }

    /** Expects a fatal error with {@code code}, then the close with status 1008; then checks the stats. */
    private Future<Void> expectFatal(VertxTestContext ctx, TestClient client, String code) {
        return client.next(Frame.Error.class)
                .compose(error -> {
                    ctx.verify(() -> assertThat(error.code()).isEqualTo(code));
                    return client.closed();
                })
                .compose(v -> verifyStats(ctx, stats -> {
                    assertThat(client.webSocket().closeStatusCode()).isEqualTo(WebSocketLink.CLOSE_AFTER_ERROR);
                    assertThat(stats.protocolErrors()).isEqualTo(1);
                }));
    }

    @Test
    void message_binary_badJsonThenClose(VertxTestContext ctx) {
        loggedInOverWebSocket("alice")
                .compose(c -> c.webSocket().writeBinaryMessage(Buffer.buffer("{\"type\":\"ping\"}"))
                        .compose(v -> expectFatal(ctx, c, "bad_json")))
                .onFailure(ctx::failNow);
    }

    @Test
    void message_notJson_badJsonThenClose(VertxTestContext ctx) {
        loggedInOverWebSocket("alice")
                .compose(c -> c.sendRaw(Buffer.buffer("hello, not json")).compose(v -> expectFatal(ctx, c, "bad_json")))
                .onFailure(ctx::failNow);
    }

    @Test
    void message_largerThanPreLoginLimitBeforeLogin_frameTooLargeThenClose(VertxTestContext ctx) {
        String ping = "{\"type\":\"ping\",\"pad\":\"" + "z".repeat(ServerOptions.PRE_LOGIN_MAX_FRAME_BYTES) + "\"}";
        connectWebSocket()
                .compose(c -> c.sendRaw(Buffer.buffer(ping)).compose(v -> expectFatal(ctx, c, "frame_too_large")))
                .onFailure(ctx::failNow);
    }

    @Test
    void message_largerThanMaxFrameBytesInOneWebSocketFrame_frameTooLargeThenClose(VertxTestContext ctx) {
        loggedInOverWebSocket("alice")
                .compose(c -> c.msg("m-1", "bob", "z".repeat(MAX_FRAME)).compose(v -> expectFatal(ctx, c, "frame_too_large")))
                .onFailure(ctx::failNow);
    }

    @Test
    void message_largerThanMaxFrameBytesInManyWebSocketFrames_frameTooLargeThenClose(VertxTestContext ctx) {
        WebSocketClientOptions fragmenting = new WebSocketClientOptions().setMaxFrameSize(1024);
        TestClient.connectWebSocket(vertx, server.webSocketPort(), fragmenting).compose(c -> c.login("alice"))
                .compose(c -> c.msg("m-1", "bob", "z".repeat(MAX_FRAME)).compose(v -> expectFatal(ctx, c, "frame_too_large")))
                .onFailure(ctx::failNow);
    }

    @Test
    void webSocketFrame_largerThan64KiB_closedByTheWebSocketLayerWithoutAnErrorFrame(VertxTestContext ctx) {
        WebSocketClientOptions bigFrames = new WebSocketClientOptions().setMaxFrameSize(4 * ServerOptions.WEB_SOCKET_MAX_FRAME_BYTES);
        TestClient.connectWebSocket(vertx, server.webSocketPort(), bigFrames).compose(c -> c.login("alice"))
                .compose(c -> c.msg("m-1", "bob", "z".repeat(ServerOptions.WEB_SOCKET_MAX_FRAME_BYTES)).compose(v -> c.closed()).map(c))
                .onComplete(ctx.succeeding(c -> ctx.verify(() -> {
                    // 1009 when the close frame gets through; 1006 (none) when the server's close finds the rest of the frame unread
                    assertThat(c.webSocket().closeStatusCode()).isIn((short) 1009, (short) 1006);
                    assertThat(c.all()).containsExactly(new Frame.LoginOk("alice"));
                    ctx.completeNow();
                })));
    }

    @Test
    void message_justUnderMaxFrameBytesAfterLogin_accepted(VertxTestContext ctx) {
        loggedInOverWebSocket("alice")
                .compose(c -> c.msg("m-1", "bob", "z".repeat(MAX_FRAME - 100)).compose(v -> c.next()))
                .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
                    assertThat(answer).isEqualTo(new Frame.Ack("m-1"));
                    ctx.completeNow();
                })));
    }

    @Test
    void connect_otherPath_notFoundAndNoUpgrade(VertxTestContext ctx) {
        WebSocketConnectOptions wrongPath = new WebSocketConnectOptions()
                .setHost("127.0.0.1").setPort(server.webSocketPort()).setURI("/other");
        vertx.createWebSocketClient().connect(wrongPath).onComplete(ctx.failing(e -> ctx.verify(() -> {
            assertThat(e).isInstanceOf(UpgradeRejectedException.class);
            assertThat(((UpgradeRejectedException) e).getStatus()).isEqualTo(404);
            ctx.completeNow();
        })));
    }

    @Test
    void get_pathWithoutUpgrade_upgradeRequired(VertxTestContext ctx) {
        vertx.createHttpClient(new HttpClientOptions())
                .request(HttpMethod.GET, server.webSocketPort(), "127.0.0.1", ImServer.WEB_SOCKET_PATH)
                .compose(request -> request.send())
                .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
                    assertThat(response.statusCode()).isEqualTo(426);
                    assertThat(response.getHeader("Upgrade")).isEqualTo("websocket");
                    ctx.completeNow();
                })));
    }

    @Test
    void connect_beyondMaxConnectionsCountingTcpAndWebSocket_refused(VertxTestContext ctx) {
        loggedIn("alice")
                .compose(alice -> loggedInOverWebSocket("bob"))
                .compose(bob -> connectWebSocket().transform(ar -> Future.succeededFuture(ar.succeeded())))
                .compose(thirdOpened -> {
                    ctx.verify(() -> assertThat(thirdOpened).as("a third connection, over WebSocket").isFalse());
                    return connect().compose(TestClient::closed); // and over TCP
                })
                .compose(v -> verifyStats(ctx, stats -> {
                    assertThat(stats.connectionsRefused()).isEqualTo(2);
                    assertThat(stats.connections()).isEqualTo(2);
                }))
                .onFailure(ctx::failNow);
    }
}
