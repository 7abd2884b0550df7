package io.imbot.plugins.xmppconnector;

import static io.imbot.plugins.xmppconnector.Bot.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.connector.InboundMessage;
import io.imbot.testsupport.Heard;
import io.imbot.testsupport.Prosody;
import io.imbot.testsupport.ServerProcess;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refused logins, untrusted certificates, closed ports and a server restart, against a real Prosody. */
class XmppFailureTest {

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private Prosody server;
    private Bot bot;
    private Person alice;

    @BeforeEach
    void startServer() {
        server = Prosody.start(dir.resolve("prosody"), Duration.ofSeconds(WAIT));
        server.register("bot", "bot-secret");
    }

    @AfterEach
    void stopAll() throws Exception {
        if (bot != null) {
            bot.stop();
        }
        if (alice != null) {
            alice.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void login_wrongPassword_attemptFailedSaysSo_andTriesAgain() throws Exception {
        Heard heard = new Heard();
        bot = Bot.start(vertx, Bot.settings(server, "bot", "not-the-password", List.of(), Map.of()), heard);

        assertThat(heard.nextEvent(WAIT)).startsWith("failed: cannot connect to xmpp://127.0.0.1:" + server.port())
                .endsWith("the server refused the login of bot@localhost: wrong user or password (not-authorized)");
        assertThat(heard.nextEvent(WAIT)).as("a later attempt, after the backoff").contains("wrong user or password");
        boolean ready = bot.<Boolean>on(c -> c.ready());
        assertThat(ready).isFalse();
    }

    @Test
    void tls_noCaFile_attemptFailedSaysTheCertificateIsNotTrusted() throws Exception {
        Heard heard = new Heard();
        bot = Bot.start(vertx, Bot.settings(server, "bot", "bot-secret", List.of(), Map.of("caFile", "")), heard);

        assertThat(heard.nextEvent(WAIT))
                .endsWith("the server's certificate is not trusted: no certificate in the JVM's trust store signed it");
    }

    @Test
    void connect_nothingListens_attemptFailedSaysConnectionRefused() throws Exception {
        Heard heard = new Heard();
        int closed = ServerProcess.freePort();
        var s = Bot.settings(server, "bot", "bot-secret", List.of(), Map.of());
        s = new io.imbot.api.connector.ConnectionSettings(s.name(), s.kind(), "xmpp://127.0.0.1:" + closed, s.user(), s.token(), s.rooms(),
                s.reconnectInitial(), s.reconnectMax(), s.options());
        bot = Bot.start(vertx, s, heard);

        assertThat(heard.nextEvent(WAIT)).contains("connection refused by").contains(":" + closed);
    }

    @Test
    void stop_whileRetrying_noFurtherAttempts() throws Exception {
        Heard heard = new Heard();
        bot = Bot.start(vertx, Bot.settings(server, "bot", "wrong", List.of(), Map.of()), heard);
        assertThat(heard.nextEvent(WAIT)).startsWith("failed: ");

        bot.stop();
        heard.events.clear();

        assertThat(heard.events.poll(1500, TimeUnit.MILLISECONDS)).as("backoff is at most 500 ms here").isNull();
        bot = null;
    }

    @Test
    void keepAlive_serverFrozen_pingUnanswered_lost_thenReadyOnceItRunsAgain() throws Exception {
        Heard heard = new Heard();
        bot = Bot.start(vertx, Bot.settings(server, "bot", "bot-secret", List.of(), Map.of("keepAlive", "1s", "connectTimeout", "1s")), heard);
        Bot.awaitReady(heard);

        server.pause();
        try {
            assertThat(heard.nextEvent(WAIT)).isEqualTo("lost: no answer to a ping within 1000 ms");
        } finally {
            server.resume();
        }
        Bot.awaitReady(heard);
    }

    @Test
    void serverRestart_lostThenReadyAgain_roomRejoined_messagesFlowAgain() throws Exception {
        Heard heard = new Heard();
        bot = Bot.start(vertx, Bot.settings(server, "bot", "bot-secret", List.of("#lobby"), Map.of()), heard);
        Bot.awaitReady(heard);

        server.restart();

        assertThat(heard.nextEvent(WAIT)).startsWith("lost: ");
        Bot.awaitReady(heard);
        alice = Person.register(server, "alice");
        MultiUserChat lobby = alice.join("lobby", "alice");
        lobby.sendMessage("after the restart");
        InboundMessage in = heard.nextMessage(WAIT);
        assertThat(in.to()).isEqualTo("#lobby");
        assertThat(in.body()).isEqualTo("after the restart");
        bot.send("m-after", "alice@localhost", "hello again");
        assertThat(heard.nextAck(WAIT)).isEqualTo("m-after");
    }

    @Test
    void burst_serverRestartedMidStream_everyAckedIdReachesThePerson_resentOnesDedupByStanzaId() throws Exception {
        int n = 300;
        alice = Person.register(server, "alice");
        Retransmitter engine = new Retransmitter("alice@localhost", n);
        bot = Bot.start(vertx, Bot.settings(server, "bot", "bot-secret", List.of(), Map.of("maxInflight", 20)), engine);
        bot.context.runOnContext(v -> engine.attach(bot.connector, n / 3)); // runs before the connection is ready: same context

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        while (engine.acked.get() < n / 6 && System.nanoTime() < deadline) {
            String e = engine.events.poll(10, TimeUnit.MILLISECONDS);
            assertThat(e == null || e.equals("ready")).as("event %s", e).isTrue();
        }
        int ackedBeforeRestart = engine.acked.get();
        assertThat(ackedBeforeRestart).isGreaterThanOrEqualTo(n / 6);
        bot.context.runOnContext(v -> engine.release()); // the rest goes out while the server shuts down
        server.stop();
        server.restart();
        alice.login(); // a new connection: what was stored for her while away comes as offline messages

        Set<String> seen = new HashSet<>();
        while (!(seen.contains("all acked") && seen.contains("lost"))) {
            String e = engine.events.poll(WAIT * 3, TimeUnit.SECONDS);
            assertThat(e).as("the next event after %s", seen).isNotNull();
            assertThat(e).doesNotStartWith("rejected");
            seen.add(e.split(":", 2)[0]);
        }
        Set<String> acked = engine.ackedIds();
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        while (!alice.copies.keySet().containsAll(acked) && System.nanoTime() < waitUntil) {
            alice.inbox.poll(100, TimeUnit.MILLISECONDS);
        }
        Set<String> missing = new HashSet<>(acked);
        missing.removeAll(alice.copies.keySet());
        int duplicates = alice.copies.values().stream().mapToInt(c -> c - 1).sum();
        System.out.printf("FAULT-REPORT xmpp burst=%d acked-before-restart=%d sent=%d acked=%d retransmitted=%d received-distinct=%d "
                + "duplicates-seen=%d missing=%d%n", n, ackedBeforeRestart, engine.sends.get(), acked.size(), engine.retransmitted.get(),
                alice.copies.size(), duplicates, missing.size());
        assertThat(missing).as("every acked ID reached alice").isEmpty();
        assertThat(acked).hasSize(n);
        assertThat(alice.copies.keySet()).filteredOn(id -> id.startsWith("burst-")).hasSize(n);
    }
}
