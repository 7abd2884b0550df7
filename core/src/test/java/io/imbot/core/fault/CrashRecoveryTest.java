package io.imbot.core.fault;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.DeliveryStatus;
import io.imbot.core.history.JdbcMessageStore;
import io.imbot.core.history.MessageRecord;
import io.imbot.core.testing.Await;
import io.imbot.core.testing.ChildJvm;
import io.imbot.core.testing.RawClient;
import io.imbot.protocol.Frame;
import io.imbot.server.FaultOptions;
import io.imbot.server.ImServer;
import io.imbot.server.ServerOptions;
import io.imbot.server.ServerStats;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills the sending JVM with SIGKILL in the middle of 10,000 messages, restarts it on the same
 * database right away, and checks that every message reaches the server exactly once.
 */
@ExtendWith(VertxExtension.class)
class CrashRecoveryTest {

    private static final int MESSAGES = 10_000;

    /**
     * Every child started, so a failed run leaves none behind: a sender JVM never exits by itself,
     * and one left running would keep reconnecting to this port as bot, using CPU in later tests.
     */
    private final List<ChildJvm> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        children.forEach(ChildJvm::close);
    }

    /** A child JVM running {@link SenderProcess}: the daemon's engine sending {@code count} messages. */
    private ChildJvm sender(int port, Path home, int count, List<String> settings) throws Exception {
        List<String> args = new ArrayList<>(List.of(String.valueOf(port), home.toString(), String.valueOf(count)));
        args.addAll(settings);
        ChildJvm child = ChildJvm.start("sender", List.of("-Xmx512m"), SenderProcess.class, args.toArray(String[]::new));
        children.add(child);
        return child;
    }

    /** Retention's settings for the second case: it prunes all through the crash and the restart. */
    private static final int KEEP = 500;

    @ParameterizedTest(name = "retention {0}")
    @ValueSource(booleans = {false, true})
    void senderKilledMidStream_restartedAtOnce_everyMessageDeliveredExactlyOnce(boolean retention, Vertx vertx, @TempDir Path dir)
            throws Exception {
        List<String> settings = retention
                ? List.of("history.keep.perConversation=" + KEEP, "history.pruneEvery=50ms", "history.pruneBatch=100")
                : List.of();
        ImServer server = await(ImServer.start(vertx, ServerOptions.defaults().withPort(0).withOpenLogin(true)));
        await(server.setFaults(FaultOptions.none().withAckDelayMillis(20))); // slows the stream so the kill lands mid-way
        Path db = dir.resolve("data/imbot");

        ChildJvm first = sender(server.port(), dir, MESSAGES, settings);
        first.awaitMatch(vertx, "^STORED", 120);
        await(Await.untilAsync(vertx, 120, () -> server.stats().map(s -> s.acceptedMessages() >= 3000)), 130);
        first.kill(); // SIGKILL
        long acceptedAtKill = await(server.stats()).acceptedMessages();
        await(server.setFaults(FaultOptions.none()));

        ChildJvm second = sender(server.port(), dir, 0, settings);
        Matcher started = second.awaitMatch(vertx, "^STARTED.*", 180);
        second.awaitMatch(vertx, "^IDLE", 180);
        second.stop(); // SIGTERM: clean close of the database

        List<String> accepted = await(server.acceptedIds("bot"));
        ServerStats stats = await(server.stats());
        assertThat(acceptedAtKill).isLessThan(MESSAGES);
        assertThat(accepted).hasSize(MESSAGES).doesNotHaveDuplicates();

        JdbcMessageStore store = await(JdbcMessageStore.open(vertx, "jdbc:hsqldb:file:" + db, "bot", Duration.ofSeconds(30)));
        List<MessageRecord> history = await(store.latest("alice", MESSAGES + 10));
        await(store.close());
        assertThat(history).hasSizeLessThanOrEqualTo(MESSAGES);
        if (retention) {
            assertThat(history.size()).as("retention kept the newest %d of alice's messages, give or take a pass", KEEP)
                    .isLessThan(MESSAGES);
        } else {
            assertThat(history).hasSize(MESSAGES);
        }
        long notAcked = history.stream().filter(m -> m.status() != DeliveryStatus.ACKNOWLEDGED).count();
        assertThat(notAcked).as("rows not ACKNOWLEDGED; first run said %s; second run said %s", first.tail(), second.tail()).isZero();
        assertThat(history).extracting(MessageRecord::body).containsExactlyElementsOf(IntStream.range(MESSAGES - history.size(), MESSAGES)
                .mapToObj(i -> String.format("msg-%05d", i)).toList());
        assertThat(new HashSet<>(accepted)).containsAll(history.stream().map(MessageRecord::id).toList());

        RawClient alice = await(RawClient.login(vertx, server.port(), "alice"));
        await(Await.until(vertx, 60, () -> alice.messages().size() >= MESSAGES), 70);
        List<String> delivered = alice.messages().stream().map(Frame.Msg::body).toList();
        assertThat(delivered).hasSize(MESSAGES).doesNotHaveDuplicates();

        System.out.printf("FAULT-REPORT sigkill%s: sent %d; injected SIGKILL after the server accepted %d, restart on the same database "
                        + "(%s); acknowledged %d, server saw %d retransmissions of accepted IDs; lost 0; duplicates delivered 0; history rows %d%n",
                retention ? " with retention (keep " + KEEP + " per conversation)" : "", MESSAGES, acceptedAtKill, started.group(),
                accepted.size(), stats.duplicateMessages(), history.size());
    }
}
