package io.imbot.plugins.ircconnector;

import static io.imbot.plugins.ircconnector.Bot.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.testsupport.Ngircd;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flood limit and connection losses against a real ngIRCd with its default flood limits: a
 * burst, a clean restart, and a SIGKILL that shows how much IRC can lose of what was written.
 */
class IrcFloodAndRestartTest {

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private final List<Person> people = new ArrayList<>();
    private final List<Bot> bots = new ArrayList<>();
    private Ngircd server;

    @BeforeEach
    void startServer() {
        server = Ngircd.start(dir, Ngircd.Setup.PLAIN, Duration.ofSeconds(WAIT));
    }

    @AfterEach
    void stopAll() throws Exception {
        for (Bot b : bots) {
            b.stop();
        }
        for (Person p : people) {
            p.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
        server.close();
    }

    private Person person(String nick) throws Exception {
        Person p = Person.connect(server.port(), nick, WAIT);
        people.add(p);
        return p;
    }

    private Bot bot(List<String> rooms) {
        return bot(rooms, Map.of());
    }

    private Bot bot(List<String> rooms, Map<String, Object> options) {
        Bot b = new Bot(vertx, Bot.settings("irc://127.0.0.1:" + server.port(), "bot", rooms, options));
        bots.add(b);
        return b;
    }

    /**
     * At the default limit the server reads the bot's lines as fast as they come, so the PINGs of
     * a short keep-alive, sent while the bot hears nothing, are answered in time all along.
     */
    @Test
    void burstOf60_allArriveInOrderAtTheDefaultLimit_noDisconnect_pingsAnsweredInTime() throws Exception {
        Bot bot = bot(List.of(), Map.of("keepAlive", "5s", "pingTimeout", "5s")).ready();
        Person alice = person("alice");
        int n = 60; // half a minute at the default pace: several keep-alive PINGs fall inside it

        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            bot.send(String.format("m-%03d", i), "alice", String.format("burst %03d", i));
        }
        assertThat(bot.onContext(bot.connector::writable)).as("more than maxQueuedLines wait").isFalse();
        for (int i = 0; i < n; i++) {
            assertThat(alice.nextPrivmsg(WAIT).parsed().last()).isEqualTo(String.format("burst %03d", i));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (int i = 0; i < n; i++) {
            assertThat(bot.heard.nextAck(WAIT)).isEqualTo(String.format("m-%03d", i));
        }

        assertThat(bot.heard.events).as("no loss, no failed attempt").isEmpty();
        assertThat(bot.heard.writables.get()).as("onWritable once the queue went below maxQueuedLines").isPositive();
        assertThat(bot.onContext(bot.connector::writable)).isTrue();
        assertThat(server.output()).doesNotContain("Shutting down connection");
        System.out.printf("FLOOD-REPORT irc: %d one-line messages handed over at once, delivered in order in %.1f s (%.2f lines/s at "
                + "lineInterval 500ms, lineBurst 4), PINGs after 5 s of quiet answered within 5 s, no disconnect%n", n, seconds, n / seconds);
    }

    /**
     * Why the limit: ngIRCd reads 3 lines a second from a client and leaves the rest in the socket.
     * Without the limit a burst of 200 lines waits there for a minute, and the keep-alive PING
     * behind it gets no answer in time: the connection counts as dead although nothing is wrong.
     */
    @Test
    void burstOf200_withoutTheLimit_thePingWaitsBehindTheBurst_andTheLinkCountsAsDead() throws Exception {
        Bot bot = bot(List.of(), Map.of("lineInterval", "0ms", "maxQueuedLines", 1000, "keepAlive", "2s", "pingTimeout", "3s")).ready();
        Person alice = person("alice");

        for (int i = 0; i < 200; i++) {
            bot.send(String.format("m-%03d", i), "alice", String.format("burst %03d", i));
        }

        assertThat(bot.heard.nextEvent(WAIT)).isEqualTo("lost: no reply to PING within 3000 ms");
        assertThat(bot.heard.acks).as("all 200 were written at once").hasSize(200);
        int received = 0;
        for (Person.Received r = alice.poll(0); r != null; r = alice.poll(0)) {
            received += r.text().contains(" PRIVMSG ") ? 1 : 0;
        }
        assertThat(received).as("the server had read only a part of them").isLessThan(200);
    }

    @Test
    void serverRestarts_lostThenReadyAgain_rejoinsItsRooms_andSendsAgain() throws Exception {
        Bot bot = bot(List.of("#lobby")).ready();

        server.stop();
        assertThat(bot.heard.nextEvent(WAIT)).isEqualTo("lost: the server closed the link: Server going down");
        server.startAgain(Duration.ofSeconds(WAIT));

        assertThat(bot.heard.nextEventExceptFailures(WAIT)).isEqualTo("ready");
        Person alice = person("alice");
        alice.join("#lobby", WAIT);
        alice.privmsg("#lobby", "welcome back");
        assertThat(bot.heard.nextMessage(WAIT).to()).as("the bot is in #lobby again").isEqualTo("#lobby");
        bot.send("m-1", "#lobby", "glad to be back");
        assertThat(alice.nextPrivmsg(WAIT).parsed().last()).isEqualTo("glad to be back");
        assertThat(bot.heard.nextAck(WAIT)).isEqualTo("m-1");
    }

    /**
     * IRC's loss window: a line counts as sent once written to the socket, but the server reads a
     * client's lines at its own pace (ngIRCd: 3 a second, less for long lines). Killed with SIGKILL,
     * it loses whatever it had not read and relayed yet. Measured twice: right after a burst, and
     * in the steady flow of 2 lines a second.
     */
    @Test
    void serverKilled_linesWrittenButNotYetRelayed_areLost_theWindowIsReported() throws Exception {
        Bot bot = bot(List.of()).ready();

        String afterBurst = killWhileSending(bot, "alice", 10, 4);
        server.startAgain(Duration.ofSeconds(WAIT));
        assertThat(bot.heard.nextEventExceptFailures(WAIT)).isEqualTo("ready");
        String midStream = killWhileSending(bot, "bob", 20, 12);

        System.out.println("FAULT-REPORT irc kill -9 of ngircd right after a burst: " + afterBurst);
        System.out.println("FAULT-REPORT irc kill -9 of ngircd in the steady flow: " + midStream);
    }

    /** The position of the message {@code nick-i} in its series. */
    private static int position(String id) {
        return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
    }

    /** Hands {@code handed} messages to the bot, kills the server once {@code killAfter} were written, and says what was lost. */
    private String killWhileSending(Bot bot, String nick, int handed, int killAfter) throws Exception {
        Person person = person(nick);
        for (int i = 0; i < handed; i++) {
            bot.send(nick + "-" + i, nick, "before the crash " + i);
        }
        Set<String> acked = new HashSet<>();
        for (int i = 0; i < killAfter; i++) {
            acked.add(bot.heard.nextAck(WAIT));
        }
        server.kill();
        assertThat(bot.heard.nextEvent(WAIT)).startsWith("lost: ");
        for (String id = bot.heard.acks.poll(); id != null; id = bot.heard.acks.poll()) {
            acked.add(id);
        }
        Set<String> received = new HashSet<>();
        for (Person.Received r = person.nextPrivmsg(WAIT); r != Person.END; r = person.nextPrivmsg(WAIT)) {
            received.add(nick + "-" + r.parsed().last().substring("before the crash ".length()));
        }

        assertThat(acked).as("reported written means written; what was still queued was not reported").hasSizeLessThan(handed);
        assertThat(acked).containsAll(received);
        Set<String> lost = new TreeSet<>(acked);
        lost.removeAll(received);
        int lastReceived = received.stream().mapToInt(IrcFloodAndRestartTest::position).max().orElse(-1);
        int firstLost = lost.stream().mapToInt(IrcFloodAndRestartTest::position).min().orElse(handed);
        assertThat(lastReceived).as("the server relays in order: what it lost is the tail of what was written, %s", lost)
                .isLessThan(firstLost);
        return handed + " messages handed to send(), " + acked.size() + " written (onAck, so SENT), " + received.size() + " reached the person, "
                + lost.size() + " written but lost " + lost + "; the " + (handed - acked.size())
                + " not written are the engine's to send again after reconnecting";
    }
}
