package io.imbot.core.fault;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.DeliveryStatus;
import io.imbot.api.Direction;
import io.imbot.core.cli.Main;
import io.imbot.core.history.JdbcMessageStore;
import io.imbot.core.history.MessageRecord;
import io.imbot.core.plugin.testbots.EchoBot;
import io.imbot.core.testing.Await;
import io.imbot.core.testing.ChildJvm;
import io.imbot.core.testing.RawClient;
import io.imbot.core.testing.TestPlugins;
import io.imbot.protocol.Frame;
import io.imbot.server.TokenHash;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every inbound message answered exactly once, although the daemon is killed with SIGKILL several
 * times while its bots work through a burst. Three kinds of process, as a user runs them: the
 * reference server ({@code imbot server}), the daemon ({@code imbot run}, with the echo bot as a
 * plugin jar), and a person's client (this JVM), who sends a steady stream and reads the answers.
 */
@ExtendWith(VertxExtension.class)
class InboundCrashTest {

    private static final int MESSAGES = 4000;
    private static final int KILLS = 3;
    private static final int PER_TICK = 8; // every 20 ms: 400 messages a second

    @TempDir
    Path home;

    /** The bot's token: the daemons log in with it, the server knows its hash; alice and bob get in by open login. */
    private final String botToken = TokenHash.randomToken();

    private ChildJvm startDaemon(int port, int n) throws Exception {
        return ChildJvm.start("daemon-" + n, List.of(
                "-Dimbot.home=" + home,
                "-Dimbot.bot.token=" + botToken,
                "-Dimbot.server.embedded=false",
                "-Dimbot.server.port=" + port,
                "-Dimbot.admin.port=0",
                "-Dimbot.database.lockWait=120s",
                "-Dimbot.plugins.replyRate.count=100000",
                "-Dimbot.plugins.replyRate.per=1s"), Main.class, "run");
    }

    @Test
    void daemonKilledSeveralTimesUnderABurst_everyInboundMessageAnsweredExactlyOnce(Vertx vertx) throws Exception {
        TestPlugins.jar(home.resolve("plugins"), "echo", EchoBot.class);
        List<ChildJvm> daemons = new ArrayList<>();
        try (ChildJvm server = ChildJvm.start("server", List.of("-Dimbot.home=" + home.resolve("server"),
                "-Dimbot.server.login.open=true", "-Dimbot.server.login.accounts.bot=" + TokenHash.of(botToken, 10).encoded()),
                Main.class, "server", "--port", "0")) {
            int port = Integer.parseInt(server.awaitMatch(vertx, "reference server listening on [^:]+:(\\d+)", 60).group(1));
            daemons.add(startDaemon(port, 0));
            daemons.get(0).awaitMatch(vertx, "imbot ready", 120);

            RawClient alice = await(RawClient.login(vertx, port, "alice"));
            AtomicInteger sent = new AtomicInteger();
            vertx.setPeriodic(20, id -> {
                for (int i = 0; i < PER_TICK && sent.get() < MESSAGES; i++) {
                    int k = sent.getAndIncrement();
                    alice.send(new Frame.Msg(String.format("in-%05d", k), "", "bot", String.format("m-%05d", k), 0L));
                }
                if (sent.get() >= MESSAGES) {
                    vertx.cancelTimer(id);
                }
            });

            List<Integer> answeredAtKill = new ArrayList<>();
            for (int k = 1; k <= KILLS; k++) {
                int threshold = k * MESSAGES / (KILLS + 1);
                awaitAnswers(vertx, alice, threshold, sent, daemons);
                daemons.get(daemons.size() - 1).kill(); // SIGKILL, mid-stream
                answeredAtKill.add(answers(alice).size());
                daemons.add(startDaemon(port, k)); // at once, on the same database
            }
            awaitAnswers(vertx, alice, MESSAGES, sent, daemons);
            ChildJvm last = daemons.get(daemons.size() - 1);
            assertThat(last.stop()).as("exit status after SIGTERM; output: %s", last.tail()).isIn(0, 143);
            assertThat(last.find("imbot stopped cleanly")).as("the last daemon's output: %s", last.tail()).isNotNull();

            // bob writes to alice after the daemon stopped: when it arrives, everything queued for her before it has arrived too
            RawClient bob = await(RawClient.login(vertx, port, "bob"));
            bob.send(new Frame.Msg("sentinel", "", "alice", "the end", 0L));
            await(Await.until(vertx, 60, () -> alice.messages().stream().anyMatch(m -> m.id().equals("sentinel"))), 70);

            List<String> answers = answers(alice);
            List<String> expected = IntStream.range(0, MESSAGES).mapToObj(i -> String.format("echo: m-%05d", i)).toList();
            assertThat(answers).as("every message answered, none twice").hasSize(MESSAGES).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expected);

            JdbcMessageStore store = await(JdbcMessageStore.open(vertx, "jdbc:hsqldb:file:" + home.resolve("data/imbot"), "bot",
                    Duration.ofSeconds(30)));
            List<MessageRecord> unhandled = await(store.loadUnhandled());
            List<MessageRecord> pending = await(store.loadPending());
            List<MessageRecord> history = await(store.latest("alice", 3 * MESSAGES));
            await(store.close());
            assertThat(unhandled).as("messages the bots never finished").isEmpty();
            assertThat(pending).as("replies never acknowledged").isEmpty();
            assertThat(history.stream().filter(m -> m.direction() == Direction.INBOUND).count()).isEqualTo(MESSAGES);
            assertThat(history.stream().filter(m -> m.direction() == Direction.OUTBOUND))
                    .hasSize(MESSAGES).allSatisfy(m -> assertThat(m.status()).isEqualTo(DeliveryStatus.ACKNOWLEDGED));

            int redispatched = 0;
            for (ChildJvm d : daemons) {
                for (Matcher m : d.findAll("(\\d+) stored messages were not handled before the last stop")) {
                    redispatched += Integer.parseInt(m.group(1));
                }
            }
            assertThat(redispatched).as("the kills landed while the bots had work in hand").isPositive();
            System.out.printf("FAULT-REPORT inbound-sigkill: %d messages from a person at 400/s; %d SIGKILLs of the daemon with %s "
                            + "answers out, each restarted at once; %d messages shown to the bots again after a restart; answered %d, "
                            + "lost 0, answered twice 0%n",
                    MESSAGES, KILLS, answeredAtKill, redispatched, answers.size());
            server.stop();
        } finally {
            daemons.forEach(ChildJvm::close);
        }
    }

    /** Waits for {@code n} answers; on time-out, fails saying where things stand. */
    private static void awaitAnswers(Vertx vertx, RawClient alice, int n, AtomicInteger sent, List<ChildJvm> daemons) {
        await(Await.until(vertx, 240, () -> answers(alice).size() >= n).recover(e -> io.vertx.core.Future.succeededFuture()), 250);
        assertThat(answers(alice).size()).as("answers after sending %d; the daemon's output: %s", sent.get(),
                daemons.get(daemons.size() - 1).tail()).isGreaterThanOrEqualTo(n);
    }

    /** The bot's answers alice has received so far (she ACKs each). */
    private static List<String> answers(RawClient alice) {
        return alice.messages().stream().filter(m -> m.from().equals("bot")).map(Frame.Msg::body).toList();
    }
}
