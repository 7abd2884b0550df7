package io.imbot.plugins.ircconnector;

import static io.imbot.plugins.ircconnector.Bot.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connector against a server that misbehaves: a Vert.x NetServer in the test playing IRC
 * server with a script, for what a real server does not do on request.
 */
class FakeServerTest {

    private final Vertx vertx = Vertx.vertx();
    private final List<Bot> bots = new ArrayList<>();
    private final BlockingQueue<String> heardByServer = new LinkedBlockingQueue<>();
    private final BlockingQueue<NetSocket> connections = new LinkedBlockingQueue<>();

    @AfterEach
    void stopAll() throws Exception {
        for (Bot b : bots) {
            b.stop();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
    }

    /** Starts a server that hands each line from a client, with its socket, to {@code script}; returns its port. */
    private int server(BiConsumer<NetSocket, String> script) throws Exception {
        NetServer server = vertx.createNetServer().connectHandler(socket -> {
            connections.add(socket);
            socket.handler(RecordParser.newDelimited("\r\n", line -> {
                String text = line.toString(StandardCharsets.UTF_8);
                heardByServer.add(text);
                script.accept(socket, text);
            }));
        });
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(WAIT, TimeUnit.SECONDS).actualPort();
    }

    private Bot bot(int port, Map<String, Object> options) {
        Bot b = new Bot(vertx, Bot.settings("irc://127.0.0.1:" + port, "bot", List.of(), options));
        bots.add(b);
        return b;
    }

    private static void welcome(NetSocket socket, String line) {
        if (line.startsWith("USER ")) {
            socket.write(":fake.server 001 bot :Welcome\r\n");
        }
    }

    @Test
    void lineOverTheLimit_connectionClosedWithTheReason_andAnotherAttemptMade() throws Exception {
        int port = server((socket, line) -> {
            if (line.startsWith("USER ")) {
                socket.write(Buffer.buffer("x".repeat(IrcSession.MAX_INBOUND_LINE + 100)));
            }
        });
        Bot bot = bot(port, Map.of());

        assertThat(bot.heard.nextEvent(WAIT)).isEqualTo("failed: cannot log in to irc://127.0.0.1:" + port
                + " as bot: the server sent more than 8192 bytes without a line break");
        assertThat(connections.poll(WAIT, TimeUnit.SECONDS)).isNotNull();
        assertThat(connections.poll(WAIT, TimeUnit.SECONDS)).as("it tries again").isNotNull();
    }

    @Test
    void malformedLinesAndOtherEncodings_ignoredOrDecoded_theConnectorCarriesOn() throws Exception {
        int port = server((socket, line) -> {
            if (line.startsWith("USER ")) {
                socket.write(Buffer.buffer()
                        .appendString("\r\n:\r\n:prefix.only\r\n:a 12 x\r\nPRIV1MSG bot :x\r\n:x!y@z PRIVMSG\r\n")
                        .appendBytes(new byte[] {'Z', 0, 'Z', '\r', '\n', (byte) 0xff, (byte) 0xfe, '\r', '\n'})
                        .appendString(":fake.server 001 bot :Welcome\r\n")
                        .appendString(":eve!e@host PRIVMSG bot :")
                        .appendBytes(new byte[] {'c', 'a', 'f', (byte) 0xe9, '\r', '\n'}) // Latin-1, as an old client sends it
                        .appendString(":eve!e@host PRIVMSG bot :na\u00efve\r\n"));
            }
        });
        Bot bot = bot(port, Map.of()).ready();

        assertThat(bot.heard.nextMessage(WAIT).body()).isEqualTo("caf\u00e9");
        assertThat(bot.heard.nextMessage(WAIT).body()).isEqualTo("na\u00efve");
        assertThat(bot.heard.events).isEmpty();
    }

    @Test
    void pingFromTheServer_answeredWithPong() throws Exception {
        int port = server((socket, line) -> {
            welcome(socket, line);
            if (line.startsWith("USER ")) {
                socket.write("PING :token-42\r\n");
            }
        });
        bot(port, Map.of()).ready();

        String line;
        do {
            line = heardByServer.poll(WAIT, TimeUnit.SECONDS);
        } while (line != null && !line.startsWith("PONG"));
        assertThat(line).isEqualTo("PONG :token-42");
    }

    @Test
    void serverSilentAfterLogin_pingUnanswered_connectionLost() throws Exception {
        int port = server(FakeServerTest::welcome);
        Bot bot = bot(port, Map.of("keepAlive", "200ms", "pingTimeout", "300ms")).ready();

        assertThat(bot.heard.nextEvent(WAIT)).isEqualTo("lost: no reply to PING within 300 ms");
        assertThat(heardByServer).contains("PING :imbot");
    }

    @Test
    void serverNeverWelcomes_attemptFailsAfterTheConnectTimeout() throws Exception {
        int port = server((socket, line) -> {});
        Bot bot = bot(port, Map.of("connectTimeout", "300ms"));

        assertThat(bot.heard.nextEvent(WAIT)).isEqualTo("failed: cannot log in to irc://127.0.0.1:" + port + " as bot: not logged in within 300 ms");
    }

    @Test
    void nickTaken_thenTheAlternativeTooLong_aShorterAlternativeIsTried() throws Exception {
        int port = server((socket, line) -> {
            switch (line) {
                case "NICK bot" -> socket.write(":fake.server 433 * bot :Nickname already in use\r\n");
                case "NICK bot_" -> socket.write(":fake.server 432 * bot_ :Nickname too long, max. 3 characters\r\n");
                case "NICK bo_" -> socket.write(":fake.server 001 bo_ :Welcome\r\n");
                default -> {}
            }
        });
        Bot bot = bot(port, Map.of()).ready();

        assertThat(bot.onContext(bot.connector::nick)).isEqualTo("bo_");
        assertThat(heardByServer).containsSubsequence("NICK bot", "NICK bot_", "NICK bo_");
    }

    @Test
    void errorFromTheServer_isTheReasonOfTheLoss() throws Exception {
        int port = server((socket, line) -> {
            welcome(socket, line);
            if (line.startsWith("PRIVMSG ")) {
                socket.write("ERROR :Closing link: flooding\r\n").onComplete(v -> socket.close());
            }
        });
        Bot bot = bot(port, Map.of()).ready();

        bot.send("m-1", "alice", "hello");
        assertThat(bot.heard.nextEvent(WAIT)).isEqualTo("lost: the server closed the link: Closing link: flooding");
    }
}
