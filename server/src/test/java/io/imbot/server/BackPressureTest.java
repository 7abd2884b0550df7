package io.imbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.protocol.Frame;
import io.vertx.core.Future;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackPressureTest extends ServerTestBase {

    private static final int MESSAGES = 150;
    private static final String BIG_BODY = "x".repeat(128 * 1024);

    @Override
    ServerOptions options() {
        return super.options().withWebSocketPort(0);
    }

    @Test
    void recipientNotReading_serverStopsWritingThenDeliversEverythingInOrder(VertxTestContext ctx) {
        // A small receive buffer keeps the kernel from absorbing the whole 19 MB burst (about 7 MB got through on the machine this was written on).
        NetClientOptions small = new NetClientOptions().setReceiveBufferSize(64 * 1024);
        stopsWritingThenDeliversInOrder(ctx, TestClient.connect(vertx, server.port(), small).compose(c -> c.login("bob")));
    }

    @Test
    void recipientNotReadingOverWebSocket_serverStopsWritingThenDeliversEverythingInOrder(VertxTestContext ctx) {
        WebSocketClientOptions small = new WebSocketClientOptions().setReceiveBufferSize(64 * 1024);
        stopsWritingThenDeliversInOrder(ctx, TestClient.connectWebSocket(vertx, server.webSocketPort(), small).compose(c -> c.login("bob")));
    }

    private void stopsWritingThenDeliversInOrder(VertxTestContext ctx, Future<TestClient> bob) {
        bob.compose(b -> {
                    b.pause();
                    return loggedIn("alice");
                })
                .compose(alice -> {
                    Future<Void> chain = Future.succeededFuture();
                    for (int i = 0; i < MESSAGES; i++) {
                        String id = "m-" + i;
                        chain = chain.compose(v -> alice.msg(id, "bob", BIG_BODY));
                    }
                    for (int i = 0; i < MESSAGES; i++) {
                        chain = chain.compose(v -> alice.next(Frame.Ack.class)).mapEmpty();
                    }
                    return chain;
                })
                .compose(v -> server.stats())
                .compose(stats -> {
                    ctx.verify(() -> {
                        assertThat(stats.acceptedMessages()).isEqualTo(MESSAGES);
                        assertThat(stats.deliveries()).isLessThan(MESSAGES);
                    });
                    bob.result().resume();
                    return receiveAll(bob.result());
                })
                .compose(ids -> {
                    List<String> expected = new ArrayList<>();
                    for (int i = 0; i < MESSAGES; i++) {
                        expected.add("m-" + i);
                    }
                    ctx.verify(() -> assertThat(ids).containsExactlyElementsOf(expected));
                    return verifyStats(ctx, stats -> assertThat(stats.deliveries()).isEqualTo(MESSAGES));
                })
                .onFailure(ctx::failNow);
    }

    private static Future<List<String>> receiveAll(TestClient bob) {
        List<String> ids = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (int i = 0; i < MESSAGES; i++) {
            chain = chain.compose(v -> bob.next(Frame.Msg.class)).map(m -> {
                ids.add(m.id());
                return null;
            });
        }
        return chain.map(ids);
    }
}
