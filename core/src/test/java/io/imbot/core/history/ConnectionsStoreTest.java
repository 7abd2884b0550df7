package io.imbot.core.history;

import static io.imbot.core.testing.Futures.await;
import static io.imbot.core.testing.TestStores.onContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.imbot.api.ChatMessage;
import io.imbot.api.Conversation;
import io.imbot.api.DeliveryStatus;
import io.imbot.core.testing.TestStores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Several connections in one database: each keeps its own messages, outbox, inbox and conversations. */
@ExtendWith(VertxExtension.class)
class ConnectionsStoreTest {

    @Test
    void saveInbound_sameSenderAndIdOnTwoConnections_bothNewAndEachUnhandledOnItsOwn(Vertx vertx) {
        JdbcMessageStore main = await(TestStores.inMemory(vertx, "bot"));
        JdbcMessageStore work = main.forConnection("work", "helper");

        boolean firstNew = await(onContext(vertx, () -> main.saveInbound(MessageRecord.inbound("m-1", "alice", "bot", "on main", 1L))));
        boolean secondNew = await(onContext(vertx, () -> work.saveInbound(MessageRecord.inbound("m-1", "alice", "helper", "on work", 2L))));
        await(onContext(vertx, () -> main.markHandled("alice", "m-1")));

        assertThat(firstNew).isTrue();
        assertThat(secondNew).isTrue();
        assertThat(await(main.loadUnhandled())).isEmpty();
        assertThat(await(work.loadUnhandled())).extracting(MessageRecord::body, MessageRecord::connection)
                .containsExactly(tuple("on work", "work"));
    }

    @Test
    void recordStatus_sameOutboundIdOnTwoConnections_endsOnlyItsOwn(Vertx vertx) {
        JdbcMessageStore main = await(TestStores.inMemory(vertx, "bot"));
        JdbcMessageStore work = main.forConnection("work", "bot");
        await(onContext(vertx, () -> Future.all(
                main.saveOutbound(MessageRecord.outbound("r-1", "bot", "alice", "main's", 1L)),
                work.saveOutbound(MessageRecord.outbound("r-1", "bot", "alice", "work's", 2L)))));

        await(onContext(vertx, () -> work.recordStatus("r-1", DeliveryStatus.TIMED_OUT, 3, "no ACK")));
        await(main.flush());

        assertThat(await(main.loadPending())).extracting(MessageRecord::body).containsExactly("main's");
        assertThat(await(work.loadPending())).isEmpty();
        assertThat(await(main.latest("work", "alice", 10))).extracting(MessageRecord::status).containsExactly(DeliveryStatus.TIMED_OUT);
    }

    @Test
    void conversations_sameNameOnTwoConnections_listedApartAndReadApart(Vertx vertx) {
        JdbcMessageStore main = await(TestStores.inMemory(vertx, "bot"));
        JdbcMessageStore work = main.forConnection("work", "bot");
        await(onContext(vertx, () -> main.saveInbound(MessageRecord.inbound("a", "alice", "bot", "hello main", 1L))));
        await(onContext(vertx, () -> work.saveInbound(MessageRecord.inbound("b", "alice", "bot", "hello work", 2L))));
        await(onContext(vertx, () -> work.saveInbound(MessageRecord.inbound("c", "alice", "bot", "again work", 3L))));

        assertThat(await(main.conversations(10))).extracting(Conversation::connection, Conversation::messageCount, Conversation::unanswered)
                .containsExactlyInAnyOrder(tuple("main", 1L, 1L), tuple("work", 2L, 2L));
        assertThat(await(main.latest("main", "alice", 10))).extracting(MessageRecord::body).containsExactly("hello main");
        assertThat(await(main.latest(null, "alice", 10))).extracting(MessageRecord::body)
                .containsExactly("hello main", "hello work", "again work");
        assertThat(await(main.latest("work", "alice", 10)).get(0).toChatMessage().connection()).isEqualTo("work");
    }

    @Test
    void open_databaseFromBeforeConnections_itsRowsBelongToMainAndStayUnhandled(Vertx vertx, @TempDir Path dir) throws Exception {
        String url = "jdbc:hsqldb:file:" + dir.resolve("old");
        Flyway.configure().dataSource(url, "SA", "").locations("classpath:db/migration").target("4").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "SA", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO messages (seq, direction, id, conversation, sender, recipient, body, created_at, stored_at, status)"
                    + " VALUES (1, 'I', 'old-1', 'alice', 'alice', 'bot', 'from before', 1, 1, 'RECEIVED')");
            s.execute("INSERT INTO inbox (sender, id, seq) VALUES ('alice', 'old-1', 1)");
            s.execute("SHUTDOWN");
        }

        JdbcMessageStore store = await(JdbcMessageStore.open(vertx, url, "bot", Duration.ofSeconds(5)));

        assertThat(await(store.loadUnhandled())).extracting(MessageRecord::id, MessageRecord::connection)
                .containsExactly(tuple("old-1", ChatMessage.DEFAULT_CONNECTION));
        boolean again = await(onContext(vertx, () -> store.saveInbound(MessageRecord.inbound("old-1", "alice", "bot", "from before", 1L))));
        assertThat(again).as("a redelivery of the old message is still a duplicate").isFalse();
        await(store.close());
    }
}
