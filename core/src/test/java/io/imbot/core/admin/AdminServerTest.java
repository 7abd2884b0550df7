package io.imbot.core.admin;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.Conversation;
import io.imbot.api.Direction;
import io.imbot.core.history.JdbcMessageStore;
import io.imbot.core.history.MessageRecord;
import io.imbot.core.testing.AdminFixture;
import io.imbot.core.testing.LogCapture;
import io.imbot.core.testing.TestStores;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class AdminServerTest {

    @TempDir
    Path home;

    /** The conversations and history views need neither the plugin host nor the status. */
    private AdminFixture start(Vertx vertx, JdbcMessageStore store) throws Exception {
        return AdminFixture.start(vertx, home, store, null);
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
    void conversations_storedMessages_listedNewestFirstWithCounts(Vertx vertx) throws Exception {
        JdbcMessageStore store = await(TestStores.inMemory(vertx, "bot"));
        write(vertx, store);
        AdminFixture admin = start(vertx, store);

        AdminFixture.Answer answer = admin.get("/api/conversations?limit=5");

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
        assertThat(admin.get("/api/conversations?limit=1").body().getJsonArray("conversations")).hasSize(1);
    }

    @Test
    void conversations_badLimit_answers400NamingLimit(Vertx vertx) throws Exception {
        AdminFixture admin = start(vertx, await(TestStores.inMemory(vertx, "bot")));

        AdminFixture.Answer zero = admin.get("/api/conversations?limit=0");
        AdminFixture.Answer word = admin.get("/api/conversations?limit=all");
        AdminFixture.Answer none = admin.get("/api/conversations");

        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.body().getString("error")).isEqualTo("limit must be 1 to 10000");
        assertThat(word.status()).isEqualTo(400);
        assertThat(word.body().getString("error")).isEqualTo("limit must be a whole number");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body().getJsonArray("conversations")).isEmpty();
    }

    @Test
    void rulesTest_fieldsOfTheWrongJsonType_400NamingTheField(Vertx vertx) throws Exception {
        AdminFixture admin = start(vertx, null);

        AdminFixture.Answer user = admin.postJson("/api/rules/test", "{\"user\":1,\"text\":\"hi\"}");
        AdminFixture.Answer text = admin.postJson("/api/rules/test", "{\"user\":\"alice\",\"text\":[\"hi\"]}");
        AdminFixture.Answer room = admin.postJson("/api/rules/test", "{\"user\":\"alice\",\"text\":\"hi\",\"room\":true}");
        AdminFixture.Answer missing = admin.postJson("/api/rules/test", "{\"user\":\"alice\"}");
        AdminFixture.Answer list = admin.postJson("/api/rules/test", "[1]");

        assertThat(user.status()).isEqualTo(400);
        assertThat(user.body().getString("error")).isEqualTo("user: expected a string, got a number");
        assertThat(text.body().getString("error")).isEqualTo("text: expected a string, got a list");
        assertThat(room.body().getString("error")).isEqualTo("room: expected a string, got true or false");
        assertThat(missing.body().getString("error")).isEqualTo("text: expected a string, got nothing");
        assertThat(list.status()).isEqualTo(400);
        assertThat(list.body().getString("error")).contains("JSON object");
    }

    @Test
    void post_bodyOver64KiB_413OrRefusedWithoutAnythingLogged(Vertx vertx) throws Exception {
        AdminFixture admin = start(vertx, null);
        String big = "{\"user\":\"alice\",\"text\":\"" + "x".repeat(70 * 1024) + "\"}";
        String form = "text=" + "x".repeat(70 * 1024);
        String json = admin.headers() + "Content-Type: application/json\r\n";

        try (LogCapture log = new LogCapture()) {
            AdminFixture.Answer sized = admin.send(AdminFixture.post("/api/rules/test", json, big));
            AdminFixture.Answer chunked = admin.send("POST /api/rules/test HTTP/1.1\r\n" + json + "Transfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(big.length()) + "\r\n" + big + "\r\n0\r\n\r\n");
            AdminFixture.Answer formBody = admin.send(AdminFixture.post("/api/rules/test", admin.headers()
                    + "Content-Type: application/x-www-form-urlencoded\r\n", form));

            assertThat(sized.status()).isEqualTo(413);
            assertThat(sized.body().getString("error")).isEqualTo("the request body is over 64 KiB");
            assertThat(chunked.status()).isEqualTo(413);
            assertThat(chunked.body().getString("error")).isEqualTo("the request body is over 64 KiB");
            assertThat(formBody.status()).isEqualTo(415);
            assertThat(log.lines()).isEmpty();
        }
    }
}
