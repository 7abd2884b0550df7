package io.imbot.core.fault;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.DeliveryStatus;
import io.imbot.core.history.JdbcMessageStore;
import io.imbot.core.history.MessageRecord;
import io.imbot.core.testing.Await;
import io.imbot.core.testing.RawClient;
import io.imbot.core.testing.Timeouts;
import io.imbot.protocol.Frame;
import io.imbot.server.FaultOptions;
import io.imbot.server.ImServer;
import io.imbot.server.ServerOptions;
import io.imbot.server.ServerStats;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

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
    private final List<Child> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        children.forEach(c -> c.process.destroyForcibly());
    }

    /** A child JVM running {@link SenderProcess}, its output collected. */
    private static final class Child {
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();

        Child(int port, Path home, int count) throws Exception {
            String java = ProcessHandle.current().info().command().orElse("java");
            process = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    SenderProcess.class.getName(), String.valueOf(port), home.toString(), String.valueOf(count))
                    .redirectErrorStream(true).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (Exception e) {
                    lines.add("(unreadable: " + e + ")");
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        boolean said(String prefix) {
            return lines.stream().anyMatch(l -> l.startsWith(prefix));
        }

        /** Waits until the child prints {@code prefix}; fails with its output if it dies first. */
        void awaitSaid(Vertx vertx, String prefix, long seconds) {
            await(Await.until(vertx, seconds, () -> said(prefix) || !process.isAlive()), seconds + 10);
            assertThat(said(prefix)).as("child output: %s", lines).isTrue();
        }
    }

    @Test
    void senderKilledMidStream_restartedAtOnce_everyMessageDeliveredExactlyOnce(Vertx vertx, @TempDir Path dir) throws Exception {
        ImServer server = await(ImServer.start(vertx, ServerOptions.defaults().withPort(0)));
        await(server.setFaults(FaultOptions.none().withAckDelayMillis(20))); // slows the stream so the kill lands mid-way
        Path db = dir.resolve("data/imbot");

        Child first = new Child(server.port(), dir, MESSAGES);
        children.add(first);
        first.awaitSaid(vertx, "STORED", 120);
        await(Await.untilAsync(vertx, 120, () -> server.stats().map(s -> s.acceptedMessages() >= 3000)), 130);
        first.process.destroyForcibly(); // SIGKILL
        assertThat(first.process.waitFor(Timeouts.seconds(30), TimeUnit.SECONDS)).isTrue();
        long acceptedAtKill = await(server.stats()).acceptedMessages();
        await(server.setFaults(FaultOptions.none()));

        Child second = new Child(server.port(), dir, 0);
        children.add(second);
        second.awaitSaid(vertx, "IDLE", 180);
        second.process.destroy(); // SIGTERM: clean close of the database
        assertThat(second.process.waitFor(Timeouts.seconds(30), TimeUnit.SECONDS)).isTrue();

        List<String> accepted = await(server.acceptedIds("bot"));
        ServerStats stats = await(server.stats());
        assertThat(acceptedAtKill).isLessThan(MESSAGES);
        assertThat(accepted).hasSize(MESSAGES).doesNotHaveDuplicates();

        JdbcMessageStore store = await(JdbcMessageStore.open(vertx, "jdbc:hsqldb:file:" + db, "bot", Duration.ofSeconds(30)));
        List<MessageRecord> history = await(store.latest("alice", MESSAGES + 10));
        await(store.close());
        assertThat(history).hasSize(MESSAGES);
        long notAcked = history.stream().filter(m -> m.status() != DeliveryStatus.ACKNOWLEDGED).count();
        assertThat(notAcked).as("rows not ACKNOWLEDGED; first run said %s; second run said %s", first.lines, second.lines).isZero();
        assertThat(history).extracting(MessageRecord::body)
                .containsExactlyElementsOf(IntStream.range(0, MESSAGES).mapToObj(i -> String.format("msg-%05d", i)).toList());
        assertThat(new HashSet<>(history.stream().map(MessageRecord::id).toList())).isEqualTo(new HashSet<>(accepted));

        RawClient alice = await(RawClient.login(vertx, server.port(), "alice"));
        await(Await.until(vertx, 60, () -> alice.messages().size() >= MESSAGES), 70);
        List<String> delivered = alice.messages().stream().map(Frame.Msg::body).toList();
        assertThat(delivered).hasSize(MESSAGES).doesNotHaveDuplicates();

        System.out.printf("FAULT-REPORT sigkill: sent %d; injected SIGKILL after the server accepted %d, restart on the same database "
                        + "(%s); acknowledged %d, server saw %d retransmissions of accepted IDs; lost 0; duplicates delivered 0%n",
                MESSAGES, acceptedAtKill, second.lines.stream().filter(l -> l.startsWith("STARTED")).findFirst().orElse("?"),
                history.size(), stats.duplicateMessages());
    }
}
