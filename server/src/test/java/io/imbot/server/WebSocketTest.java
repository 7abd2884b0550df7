package io.imbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.protocol.Frame;
import io.vertx.core.Future;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The protocol over the WebSocket port: the same users, queues and rooms as over TCP. */
class WebSocketTest extends ServerTestBase {

    @Override
    ServerOptions options() {
        return super.options().withWebSocketPort(0);
    }

    private static Future<TestClient> join(TestClient client, String room) {
        return client.send(new Frame.Join(room)).compose(v -> client.next(Frame.Joined.class)).map(client);
    }

    @Test
    void webSocketPort_zero_boundToAFreePortBesideTcp(VertxTestContext ctx) {
        ctx.verify(() -> assertThat(server.webSocketPort()).isPositive().isNotEqualTo(server.port()));
        ImServer.start(vertx, ServerOptions.defaults().withPort(0)).onComplete(ctx.succeeding(plain -> ctx.verify(() -> {
            assertThat(plain.webSocketPort()).as("off by default").isEqualTo(-1);
            ctx.completeNow();
        })));
    }

    @Test
    void msg_overWebSocket_ackedAndDeliveredWithSenderStamped(VertxTestContext ctx) {
        loggedInOverWebSocket("alice").compose(alice -> loggedInOverWebSocket("bob").compose(bob ->
                        alice.send(new Frame.Msg("m-1", "mallory", "bob", BODY, 42))
                                .compose(v -> alice.next(Frame.Ack.class))
                                .compose(ack -> bob.next(Frame.Msg.class))
                                .map(delivered -> {
                                    ctx.verify(() -> assertThat(delivered).isEqualTo(new Frame.Msg("m-1", "alice", "bob", BODY, 42)));
                                    return bob;
                                })))
                .compose(bob -> bob.send(new Frame.Ack("m-1")).compose(v -> bob.sync()))
                .compose(v -> verifyStats(ctx, stats -> {
                    assertThat(stats.acceptedMessages()).isEqualTo(1);
                    assertThat(stats.queuedMessages()).as("bob's ack took it off his queue").isZero();
                    assertThat(stats.connections()).isEqualTo(2);
                    assertThat(stats.loggedInUsers()).isEqualTo(2);
                }))
                .onFailure(ctx::failNow);
    }

    @Test
    void msg_retransmittedOverWebSocket_ackedTwiceDeliveredOnce(VertxTestContext ctx) {
        loggedInOverWebSocket("alice").compose(alice -> loggedInOverWebSocket("bob").compose(bob -> alice.msg("m-1", "bob", BODY)
                        .compose(v -> alice.next(Frame.Ack.class))
                        .compose(v -> alice.msg("m-1", "bob", BODY))
                        .compose(v -> alice.next(Frame.Ack.class))
                        .compose(v -> bob.next(Frame.Msg.class))
                        .compose(first -> bob.sync()))) // nothing but the pong after the one delivery
                .compose(v -> verifyStats(ctx, stats -> {
                    assertThat(stats.acceptedMessages()).isEqualTo(1);
                    assertThat(stats.duplicateMessages()).isEqualTo(1);
                    assertThat(stats.deliveries()).isEqualTo(1);
                }))
                .onFailure(ctx::failNow);
    }

    @Test
    void login_overWebSocketWithQueuedMessages_deliversThemInOrderAfterLoginOk(VertxTestContext ctx) {
        loggedIn("alice").compose(alice -> alice.msg("m-1", "bob", "one")
                        .compose(v -> alice.msg("m-2", "bob", "two"))
                        .compose(v -> alice.next(Frame.Ack.class))
                        .compose(v -> alice.next(Frame.Ack.class)))
                .compose(v -> loggedInOverWebSocket("bob")) // login() checks that login_ok comes first
                .compose(bob -> bob.next(Frame.Msg.class).compose(m1 -> bob.next(Frame.Msg.class).map(m2 -> List.of(m1, m2))))
                .onComplete(ctx.succeeding(delivered -> ctx.verify(() -> {
                    assertThat(delivered).extracting(Frame.Msg::body).containsExactly("one", "two");
                    ctx.completeNow();
                })));
    }

    @Test
    void msg_betweenTcpAndWebSocketUsers_deliveredBothWays(VertxTestContext ctx) {
        Future<TestClient> tcp = loggedIn("alice");
        Future<TestClient> ws = tcp.compose(a -> loggedInOverWebSocket("bob"));
        ws.compose(bob -> tcp.result().msg("m-1", "bob", "over tcp"))
                .compose(v -> ws.result().next(Frame.Msg.class))
                .compose(toBob -> ws.result().msg("m-2", "alice", "over ws").map(toBob))
                .compose(toBob -> tcp.result().next(Frame.Ack.class) // alice's ACK for m-1 came first
                        .compose(ack -> tcp.result().next(Frame.Msg.class))
                        .map(toAlice -> List.of(toBob, toAlice)))
                .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
                    assertThat(both).containsExactly(
                            new Frame.Msg("m-1", "alice", "bob", "over tcp", 0),
                            new Frame.Msg("m-2", "bob", "alice", "over ws", 0));
                    ctx.completeNow();
                })));
    }

    @Test
    void msg_toRoomWithTcpAndWebSocketMembers_reachesTheOthers(VertxTestContext ctx) {
        Future<TestClient> alice = loggedIn("alice").compose(c -> join(c, "#lobby"));
        Future<TestClient> bob = alice.compose(a -> loggedInOverWebSocket("bob")).compose(c -> join(c, "#lobby"));
        Future<TestClient> carol = bob.compose(b -> loggedInOverWebSocket("carol")).compose(c -> join(c, "#lobby"));
        carol.compose(c -> bob.result().msg("r-1", "#lobby", BODY))
                .compose(v -> bob.result().next(Frame.Ack.class))
                .compose(ack -> Future.all(alice.result().next(Frame.Msg.class), carol.result().next(Frame.Msg.class)))
                .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
                    Frame.Msg expected = new Frame.Msg("r-1", "bob", "#lobby", BODY, 0);
                    assertThat(both.<Frame.Msg>list()).containsExactly(expected, expected);
                    ctx.completeNow();
                })));
    }

    @Test
    void msg_largerThanAWebSocketFrame_arrivesInPiecesAndIsDeliveredWhole(VertxTestContext ctx) {
        String body = "x".repeat(3 * ServerOptions.WEB_SOCKET_MAX_FRAME_BYTES);
        WebSocketClientOptions fragmenting = new WebSocketClientOptions().setMaxFrameSize(4096);
        TestClient.connectWebSocket(vertx, server.webSocketPort(), fragmenting).compose(c -> c.login("alice"))
                .compose(alice -> loggedInOverWebSocket("bob").compose(bob -> alice.msg("big-1", "bob", body)
                        .compose(v -> alice.next(Frame.Ack.class))
                        .compose(ack -> bob.next(Frame.Msg.class))))
                .onComplete(ctx.succeeding(delivered -> ctx.verify(() -> {
                    assertThat(delivered.body()).isEqualTo(body);
                    ctx.completeNow();
                })));
    }

    @Test
    void disconnectAll_withWebSocketClient_closesItAndRedeliversOnReconnect(VertxTestContext ctx) {
        loggedIn("alice").compose(alice -> loggedInOverWebSocket("bob").compose(bob -> alice.msg("m-1", "bob", BODY)
                        .compose(v -> bob.next(Frame.Msg.class))
                        .compose(first -> server.disconnectAll())
                        .compose(v -> bob.closed())
                        .map(v -> {
                            ctx.verify(() -> assertThat(bob.webSocket().closeStatusCode()).isEqualTo(WebSocketLink.CLOSE_DROPPED));
                            return v;
                        })))
                .compose(v -> loggedInOverWebSocket("bob"))
                .compose(bob -> bob.next(Frame.Msg.class))
                .compose(again -> verifyStats(ctx, stats -> assertThat(stats.redeliveries()).isEqualTo(1)))
                .onFailure(ctx::failNow);
    }
}
