package io.imbot.plugins.ircconnector;

import static io.imbot.plugins.ircconnector.Bot.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.connector.DeliveryGuarantee;
import io.imbot.api.connector.InboundMessage;
import io.imbot.testsupport.Ngircd;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IRC connector against a real ngIRCd on loopback, with people on raw sockets. */
class IrcConnectorTest {

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
        return bot("bot", rooms);
    }

    private Bot bot(String nick, List<String> rooms) {
        Bot b = new Bot(vertx, Bot.settings("irc://127.0.0.1:" + server.port(), nick, rooms, Map.of()));
        bots.add(b);
        return b;
    }

    @Test
    void directMessage_bothWays_arriveAndTheAckMeansWritten() throws Exception {
        Bot bot = bot(List.of()).ready();
        Person alice = person("alice");

        alice.privmsg("bot", "hello");
        InboundMessage in = bot.heard.nextMessage(WAIT);
        bot.send("m-1", "alice", "hi alice");

        assertThat(in.from()).isEqualTo("alice");
        assertThat(in.to()).isEqualTo("bot");
        assertThat(in.body()).isEqualTo("hello");
        assertThat(in.id()).matches("[0-9a-z]+-1");
        assertThat(bot.heard.nextAck(WAIT)).isEqualTo("m-1");
        assertThat(alice.nextPrivmsg(WAIT).text()).startsWith(":bot!").endsWith(" PRIVMSG alice :hi alice");
        assertThat(bot.connector.guarantee()).isEqualTo(DeliveryGuarantee.NONE);
    }

    @Test
    void room_messagesBothWays_andTheBotDoesNotHearItself() throws Exception {
        Bot bot = bot(List.of("#lobby")).ready();
        assertThat(bot.connector.nicknames()).as("the nick is the configured user").isEmpty();
        Person alice = person("alice");
        alice.join("#lobby", WAIT);

        bot.send("m-1", "#lobby", "deploy done");
        assertThat(alice.nextPrivmsg(WAIT).parsed().params()).containsExactly("#lobby", "deploy done");
        alice.privmsg("#lobby", "thanks");

        InboundMessage in = bot.heard.nextMessage(WAIT);
        assertThat(in.from()).isEqualTo("alice");
        assertThat(in.to()).isEqualTo("#lobby");
        assertThat(in.body()).as("the first message the bot hears is alice's, not its own").isEqualTo("thanks");
        assertThat(bot.heard.nextAck(WAIT)).isEqualTo("m-1");
    }

    @Test
    void nickInUse_logsInAsAnAlternative_directMessagesToItArriveForTheBot() throws Exception {
        Person impostor = person("bot");
        Bot bot = bot(List.of()).ready();
        Person alice = person("alice");

        String nick = bot.onContext(bot.connector::nick);
        alice.privmsg(nick, "are you the bot?");

        assertThat(nick).isEqualTo("bot_");
        assertThat(bot.connector.nicknames()).as("what room messages address the bot by").containsExactly("bot_");
        InboundMessage in = bot.heard.nextMessage(WAIT);
        assertThat(in.to()).as("addressed to the configured user, whatever the nick").isEqualTo("bot");
        assertThat(in.body()).isEqualTo("are you the bot?");
        bot.send("m-1", "alice", "yes");
        assertThat(alice.nextPrivmsg(WAIT).text()).startsWith(":bot_!");
        for (Person.Received r = impostor.poll(0); r != null; r = impostor.poll(0)) {
            assertThat(r.text()).as("the impostor gets no message").doesNotContain(" PRIVMSG ");
        }
    }

    @Test
    void formattingAndActions_cleanedOrPassedOn_noticesAndCtcpIgnored() throws Exception {
        Bot bot = bot(List.of()).ready();
        Person alice = person("alice");

        alice.send("NOTICE bot :a notice");
        alice.privmsg("bot", "\u0001VERSION\u0001");
        alice.privmsg("bot", "\u0002bold\u0002 \u000304,12red\u0003 plain");
        alice.privmsg("bot", "\u0001ACTION waves\u0001");

        assertThat(bot.heard.nextMessage(WAIT).body()).isEqualTo("bold red plain");
        InboundMessage action = bot.heard.nextMessage(WAIT);
        assertThat(action.body()).isEqualTo("/me waves");
        assertThat(action.id()).as("IDs count per connection").endsWith("-2");
    }

    @Test
    void multiLineAndLongBodies_arriveAsLinesInOrder_noneOverTheLimit() throws Exception {
        Bot bot = bot(List.of()).ready();
        Person alice = person("alice");
        String unit = "Grüße, 世界 😀 ";
        String longBody = unit.repeat(154).strip(); // 2,001 UTF-16 characters, 3,233 bytes of UTF-8

        bot.send("m-1", "alice", "first\nsecond\r\nthird\rfourth");
        bot.send("m-2", "alice", longBody);

        for (String expected : List.of("first", "second", "third", "fourth")) {
            assertThat(alice.nextPrivmsg(WAIT).parsed().last()).isEqualTo(expected);
        }
        assertThat(bot.heard.nextAck(WAIT)).isEqualTo("m-1");
        List<String> pieces = new ArrayList<>();
        while (String.join(" ", pieces).length() < longBody.length()) {
            Person.Received r = alice.nextPrivmsg(WAIT);
            assertThat(r.wireBytes()).as("each line as relayed, CR LF included").isLessThanOrEqualTo(512);
            pieces.add(r.parsed().last());
        }
        assertThat(String.join(" ", pieces)).as("cut at spaces, which became the line breaks").isEqualTo(longBody);
        assertThat(pieces).hasSizeGreaterThan(5);
        assertThat(bot.heard.nextAck(WAIT)).isEqualTo("m-2");
    }

    @Test
    void bodyWithLineBreaksAndCommands_arrivesAsText_theBotStaysConnected() throws Exception {
        Bot bot = bot(List.of("#lobby")).ready();
        Person alice = person("alice");

        bot.send("m-1", "alice", "hello\r\nQUIT :bye\r\nJOIN #evil\u0000x\nPART #lobby");
        bot.send("m-2", "alice\r\nQUIT", "to an injected recipient");
        bot.send("m-3", "alice", "still here");

        for (String expected : List.of("hello", "QUIT :bye", "JOIN #evilx", "PART #lobby", "still here")) {
            assertThat(alice.nextPrivmsg(WAIT).parsed().last()).isEqualTo(expected);
        }
        assertThat(bot.heard.nextEvent(WAIT)).startsWith("rejected m-2: 'alice\r\nQUIT' is not an IRC nick");
        assertThat(bot.heard.nextAck(WAIT)).isEqualTo("m-1");
        assertThat(bot.heard.nextAck(WAIT)).isEqualTo("m-3");
        assertThat(bot.onContext(bot.connector::ready)).isTrue();
        alice.join("#lobby", WAIT);
        alice.privmsg("#lobby", "are you still in here?");
        assertThat(bot.heard.nextMessage(WAIT).to()).as("the bot did not part #lobby").isEqualTo("#lobby");
        assertThat(bot.heard.events).as("no loss, no other event").isEmpty();
    }

    @Test
    void nickTooLongForTheServer_attemptFailsNamingIt() throws Exception {
        String nick = "b".repeat(40); // ngircd here allows 30
        Bot bot = bot(nick, List.of());

        assertThat(bot.heard.nextEvent(WAIT)).startsWith("failed: cannot log in to irc://127.0.0.1:" + server.port() + " as " + nick
                + ": the server refuses the nick " + nick + ": Nickname too long");
    }
}
