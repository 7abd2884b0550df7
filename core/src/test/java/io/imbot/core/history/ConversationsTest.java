package io.imbot.core.history;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.Conversation;
import io.imbot.api.Direction;
import io.imbot.core.testing.TestStores;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MessageStore#conversations}: the latest message and the unanswered count of each
 * conversation, from both stores (the daemon's HSQLDB one and the clients' volatile one).
 */
@ExtendWith(VertxExtension.class)
class ConversationsTest {

    /** A store and the one context its calls are made on, as the delivery engine does. */
    private record Subject(MessageStore store, Context context) {

        static Subject of(String kind, Vertx vertx) {
            MessageStore store = kind.equals("jdbc") ? await(TestStores.inMemory(vertx, "bot")) : new VolatileMessageStore();
            return new Subject(store, vertx.getOrCreateContext());
        }

        <T> T call(Supplier<Future<T>> call) {
            Promise<T> p = Promise.promise();
            context.runOnContext(v -> call.get().onComplete(p));
            return await(p.future());
        }

        /**
         * Hands over the messages in one context turn. The JDBC store writes the first at once (its
         * writer is idle) and gathers all the others into the next batch.
         */
        void batch(MessageRecord... messages) {
            call(() -> {
                List<Future<?>> all = new ArrayList<>();
                for (MessageRecord m : messages) {
                    all.add(m.direction() == Direction.INBOUND ? store.saveInbound(m) : store.saveOutbound(m));
                }
                return Future.all(all);
            });
        }

        List<Conversation> conversations(int limit) {
            return call(() -> store.conversations(limit));
        }

        Conversation conversation(String name) {
            return conversations(100).stream().filter(c -> c.conversation().equals(name)).findFirst().orElseThrow();
        }
    }

    private static MessageRecord in(String id, String from, String text) {
        return MessageRecord.inbound(id, from, "bot", text, 1L);
    }

    private static MessageRecord inRoom(String id, String room, String from, String text) {
        return MessageRecord.inbound(id, from, room, text, 1L);
    }

    private static MessageRecord out(String id, String to, String text) {
        return MessageRecord.outbound(id, "bot", to, text, 1L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc", "volatile"})
    void conversations_messagesInThreeConversations_latestOfEachWithAllColumns(String kind, Vertx vertx) {
        Subject s = Subject.of(kind, vertx);
        Instant before = Instant.now();
        s.batch(in("a1", "alice", "hi"), out("o1", "alice", "hello alice"));
        s.batch(inRoom("r1", "#lobby", "carol", "x".repeat(300)));
        s.batch(in("b1", "bob", "one"), in("b2", "bob", "two"));
        Instant after = Instant.now();

        List<Conversation> all = s.conversations(10);

        assertThat(all).extracting(Conversation::conversation).containsExactly("bob", "#lobby", "alice");
        Conversation alice = all.get(2);
        assertThat(alice.lastId()).isEqualTo("o1");
        assertThat(alice.lastDirection()).isEqualTo(Direction.OUTBOUND);
        assertThat(alice.lastSender()).isEqualTo("bot");
        assertThat(alice.lastPreview()).isEqualTo("hello alice");
        assertThat(alice.lastAt()).isBetween(before.minusMillis(1), after.plusMillis(1));
        assertThat(alice.messageCount()).isEqualTo(2);
        assertThat(alice.unanswered()).isZero();
        Conversation lobby = all.get(1);
        assertThat(lobby.lastSender()).isEqualTo("carol");
        assertThat(lobby.lastDirection()).isEqualTo(Direction.INBOUND);
        assertThat(lobby.lastPreview()).isEqualTo("x".repeat(Conversation.PREVIEW_CHARS));
        assertThat(lobby.unanswered()).isEqualTo(1);
        assertThat(all.get(0)).extracting(Conversation::lastId, Conversation::messageCount, Conversation::unanswered)
                .containsExactly("b2", 2L, 2L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc", "volatile"})
    void conversations_inboundAndOutboundInSeparateBatches_unansweredCountsInboundSinceLastOutbound(String kind, Vertx vertx) {
        Subject s = Subject.of(kind, vertx);

        s.batch(in("1", "alice", "one"));
        s.batch(in("2", "alice", "two"));
        assertThat(s.conversation("alice").unanswered()).isEqualTo(2);
        s.batch(out("o1", "alice", "answer"));
        assertThat(s.conversation("alice").unanswered()).isZero();
        s.batch(in("3", "alice", "three"));
        assertThat(s.conversation("alice").unanswered()).isEqualTo(1);
        s.batch(out("o2", "alice", "again"));
        s.batch(out("o3", "alice", "and again"));

        assertThat(s.conversation("alice")).extracting(Conversation::messageCount, Conversation::unanswered)
                .containsExactly(6L, 0L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc", "volatile"})
    void conversations_mixedSequenceInsideOneBatch_unansweredFollowsArrivalOrder(String kind, Vertx vertx) {
        Subject s = Subject.of(kind, vertx);
        s.batch(in("0", "alice", "before"), in("0", "bob", "before"), in("0", "carol", "before"));

        s.batch(
                in("w", "walter", "written alone, so the rest form one batch"),
                in("1", "alice", "one"), out("o1", "alice", "answer"), in("2", "alice", "two"), in("3", "alice", "three"),
                in("1", "bob", "one"), in("2", "bob", "two"),
                in("1", "carol", "one"), out("o2", "carol", "answer"));

        assertThat(s.conversation("alice").unanswered()).as("out resets, then two new").isEqualTo(2);
        assertThat(s.conversation("bob").unanswered()).as("added to the stored count").isEqualTo(3);
        assertThat(s.conversation("carol").unanswered()).as("the last message answered").isZero();
        assertThat(s.conversation("alice").messageCount()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc", "volatile"})
    void conversations_redeliveredInbound_notCountedAgain(String kind, Vertx vertx) {
        Subject s = Subject.of(kind, vertx);
        s.batch(in("1", "alice", "one"));
        s.batch(out("o1", "alice", "answer"));

        s.batch(in("1", "alice", "one"), in("2", "alice", "two"), in("2", "alice", "two"));
        s.batch(in("2", "alice", "two"));

        Conversation alice = s.conversation("alice");
        assertThat(alice.unanswered()).isEqualTo(1);
        assertThat(alice.messageCount()).isEqualTo(3);
        assertThat(alice.lastId()).isEqualTo("2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc", "volatile"})
    void conversations_moreThanLimitStoredInOneBatch_newestFirstByArrival(String kind, Vertx vertx) {
        Subject s = Subject.of(kind, vertx);
        s.batch(in("1", "dave", "first"), in("1", "erin", "x"), out("o1", "dave", "answer"), in("1", "frank", "y"));

        assertThat(s.conversations(2)).extracting(Conversation::conversation).containsExactly("frank", "dave");
        assertThat(s.conversations(1000)).extracting(Conversation::conversation).containsExactly("frank", "dave", "erin");
    }

    @Test
    void open_historyWrittenBeforeV4_unansweredComputedFromMessages(Vertx vertx, @TempDir Path dir) throws Exception {
        String url = "jdbc:hsqldb:file:" + dir.resolve("db");
        var ds = DatabaseOpener.dataSource(url);
        Flyway.configure(getClass().getClassLoader()).dataSource(ds).locations("classpath:db/migration").target("2").load().migrate();
        try (Connection c = ds.getConnection()) {
            long seq = 1;
            seq = insert(c, seq, "alice", "I", "alice", "a1", "a2");
            seq = insert(c, seq, "alice", "O", "bot", "o1");
            seq = insert(c, seq, "alice", "I", "alice", "a3", "a4");
            seq = insert(c, seq, "#lobby", "I", "carol", "r1");
            seq = insert(c, seq, "#lobby", "O", "bot", "o2");
            insert(c, seq, "bob", "I", "bob", "b1", "b2", "b3");
            try (var s = c.createStatement()) {
                s.execute("INSERT INTO conversations SELECT conversation, MAX(id), 'I', 'x', 'x', 0, COUNT(*) FROM messages GROUP BY conversation");
            }
            c.commit();
        }
        DatabaseOpener.shutdown(ds);

        JdbcMessageStore store = await(JdbcMessageStore.open(vertx, url, "bot", Duration.ofSeconds(5)));
        List<Conversation> all = await(store.conversations(10));
        await(store.close());

        assertThat(all).extracting(Conversation::conversation, Conversation::unanswered)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("alice", 2L),
                        org.assertj.core.groups.Tuple.tuple("#lobby", 0L),
                        org.assertj.core.groups.Tuple.tuple("bob", 3L));
    }

    /** Inserts messages of one direction and sender with consecutive seqs; returns the next seq. */
    private static long insert(Connection c, long seq, String conversation, String direction, String sender, String... ids)
            throws Exception {
        String sql = "INSERT INTO messages (seq, direction, id, conversation, sender, recipient, body, created_at, stored_at, status)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'text', 1, 1, 'RECEIVED')";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (String id : ids) {
                ps.setLong(1, seq++);
                ps.setString(2, direction);
                ps.setString(3, id);
                ps.setString(4, conversation);
                ps.setString(5, sender);
                ps.setString(6, direction.equals("I") ? "bot" : conversation);
                ps.executeUpdate();
            }
        }
        return seq;
    }
}
