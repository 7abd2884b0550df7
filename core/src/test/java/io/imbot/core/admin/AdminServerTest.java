package io.imbot.core.admin;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.Conversation;
import io.imbot.api.Direction;
import io.imbot.core.history.JdbcMessageStore;
import io.imbot.core.history.MessageRecord;
import io.imbot.core.testing.TestStores;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class AdminServerTest {

    /** An answer: status code and JSON body. */
    private record Answer(int status, JsonObject body) {}

    private static Answer get(Vertx vertx, int port, String path) {
        return await(vertx.createHttpClient()
                .request(HttpMethod.GET, port, "127.0.0.1", path)
                .compose(req -> req.send())
                .compose(res -> res.body().map(b -> new Answer(res.statusCode(), b.toJsonObject()))));
    }

    private static int start(Vertx vertx, JdbcMessageStore store) {
        // The conversations and history views need neither the plugin host nor the status.
        AdminServer server = new AdminServer(vertx, store, null, JsonObject::new, "bot");
        return await(server.start("127.0.0.1", 0));
    }

    private static void write(Vertx vertx, JdbcMessageStore store) {
        Promise<Object> done = Promise.promise();
        vertx.runOnContext(v -> Future.all(
                        store.saveInbound(MessageRecord.inbound("a1", "alice", "bot", "ping", 1L)),
                        store.saveOutbound(MessageRecord.outbound("o1", "bot", "alice", "pong", 2L)),
                        store.saveInbound(MessageRecord.inbound("d1", "dave", "bot", "one", 3L)),
                        store.saveInbound(MessageRecord.inbound("d2", "dave", "bot", "two", 4L)))
                .onComplete(ar -> done.handle(ar.map(x -> null))));
        await(done.future());
    }

    @Test
    void conversations_storedMessages_listedNewestFirstWithCounts(Vertx vertx) {
        JdbcMessageStore store = await(TestStores.inMemory(vertx, "bot"));
        write(vertx, store);
        int port = start(vertx, store);

        Answer answer = get(vertx, port, "/api/conversations?limit=5");

        assertThat(answer.status()).isEqualTo(200);
        var list = answer.body().getJsonArray("conversations");
        assertThat(list).hasSize(2);
        Conversation dave = Conversations.fromJson(list.getJsonObject(0));
        Conversation alice = Conversations.fromJson(list.getJsonObject(1));
        assertThat(dave).extracting(Conversation::conversation, Conversation::lastPreview, Conversation::messageCount,
                Conversation::unanswered).containsExactly("dave", "two", 2L, 2L);
        assertThat(alice).extracting(Conversation::lastDirection, Conversation::lastSender, Conversation::unanswered)
                .containsExactly(Direction.OUTBOUND, "bot", 0L);
        assertThat(list.getJsonObject(0).getLong("lastAt")).isEqualTo(dave.lastAt().toEpochMilli());
        assertThat(get(vertx, port, "/api/conversations?limit=1").body().getJsonArray("conversations")).hasSize(1);
    }

    @Test
    void conversations_badLimit_answers400NamingLimit(Vertx vertx) {
        int port = start(vertx, await(TestStores.inMemory(vertx, "bot")));

        Answer zero = get(vertx, port, "/api/conversations?limit=0");
        Answer word = get(vertx, port, "/api/conversations?limit=all");
        Answer none = get(vertx, port, "/api/conversations");

        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.body().getString("error")).isEqualTo("limit must be 1 to 10000");
        assertThat(word.status()).isEqualTo(400);
        assertThat(word.body().getString("error")).isEqualTo("limit must be a whole number");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body().getJsonArray("conversations")).isEmpty();
    }
}
