package io.imbot.plugins.xmppconnector;

import static io.imbot.plugins.xmppconnector.Bot.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.connector.DeliveryGuarantee;
import io.imbot.api.connector.InboundMessage;
import io.imbot.testsupport.Heard;
import io.imbot.testsupport.Prosody;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.receipts.DeliveryReceipt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The XMPP connector against a real Prosody on loopback, with people as plain Smack clients. */
class XmppConnectorTest {

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

    private Heard startBot(List<String> rooms) throws InterruptedException {
        Heard heard = new Heard();
        bot = Bot.start(vertx, Bot.settings(server, "bot", "bot-secret", rooms, Map.of()), heard);
        Bot.awaitReady(heard);
        return heard;
    }

    @Test
    void direct_personWritesBot_onMessageFromTheirBareJid_botAnswers_stanzaIdIsTheMessageId_smAckIsTheAck() throws Exception {
        alice = Person.register(server, "alice");
        Heard heard = startBot(List.of());

        alice.send("bot@localhost", "a-1", "hello bot", false);
        InboundMessage in = heard.nextMessage(WAIT);
        assertThat(in).isEqualTo(new InboundMessage("a-1", "alice@localhost", "bot@localhost", "hello bot", 0));

        bot.send("m-1", "alice@localhost", "hello alice");
        assertThat(heard.nextAck(WAIT)).isEqualTo("m-1");
        Message got = alice.nextWithBody(WAIT);
        assertThat(got.getStanzaId()).isEqualTo("m-1");
        assertThat(got.getBody()).isEqualTo("hello alice");
        assertThat(got.getFrom().asBareJid().toString()).isEqualTo("bot@localhost");
        assertThat(bot.connector.guarantee()).isEqualTo(DeliveryGuarantee.PER_MESSAGE_ACK);
    }

    @Test
    void acknowledge_messageAskedForAReceipt_receiptSentOnlyOnceStored() throws Exception {
        alice = Person.register(server, "alice");
        Heard heard = startBot(List.of());

        alice.send("bot@localhost", "a-7", "receipt please", true);
        InboundMessage in = heard.nextMessage(WAIT);
        assertThat(alice.inbox.poll(300, TimeUnit.MILLISECONDS)).as("no receipt before the engine stored it").isNull();

        bot.acknowledge(in.from(), in.id());
        Message receipt = alice.inbox.poll(WAIT, TimeUnit.SECONDS);
        assertThat(receipt).isNotNull();
        assertThat(DeliveryReceipt.from(receipt)).isNotNull();
        assertThat(DeliveryReceipt.from(receipt).getId()).isEqualTo("a-7");
    }

    @Test
    void inbound_stanzaIdOutsideImbotsRules_derivedStableId_noBody_ignored() throws Exception {
        alice = Person.register(server, "alice");
        Heard heard = startBot(List.of());

        alice.send("bot@localhost", "has a space", "first", false);
        alice.send("bot@localhost", "has a space", "same stanza ID again", false);
        InboundMessage first = heard.nextMessage(WAIT);
        InboundMessage again = heard.nextMessage(WAIT);
        assertThat(first.id()).matches("x[0-9a-v]{26}").isEqualTo(again.id());
        assertThat(InboundIds.of("bob@localhost", "has a space")).as("the sender is part of it").isNotEqualTo(first.id());
    }

    @Test
    void room_botJoinsConfiguredRoom_hearsOthersAsToRoomFromNick_othersHearIt_itDoesNotHearItself() throws Exception {
        Heard heard = startBot(List.of("#lobby"));
        alice = Person.register(server, "alice");
        MultiUserChat lobby = alice.join("lobby", "alice");

        lobby.sendMessage("hello room");
        InboundMessage in = heard.nextMessage(WAIT);
        assertThat(in.to()).isEqualTo("#lobby");
        assertThat(in.from()).isEqualTo("alice");
        assertThat(in.body()).isEqualTo("hello room");

        bot.send("m-room", "#lobby", "hello alice, from the bot");
        assertThat(heard.nextAck(WAIT)).isEqualTo("m-room");
        Message got = alice.nextWithBody(WAIT);
        while (!"m-room".equals(got.getStanzaId())) {
            got = alice.nextWithBody(WAIT); // alice's own message comes back to her first
        }
        assertThat(got.getType()).isEqualTo(Message.Type.groupchat);
        assertThat(got.getFrom().toString()).isEqualTo("lobby@conference.localhost/bot");
        assertThat(bot.connector.nicknames()).as("the name the room knows the bot by").containsExactly("bot");

        lobby.sendMessage("after the bot");
        assertThat(heard.nextMessage(WAIT).body()).as("the bot's own m-room did not come back to it").isEqualTo("after the bot");
    }

    @Test
    void streamManagementOff_guaranteeNone_ackOnceWritten() throws Exception {
        alice = Person.register(server, "alice");
        Heard heard = new Heard();
        bot = Bot.start(vertx, Bot.settings(server, "bot", "bot-secret", List.of(), Map.of("streamManagement", false)), heard);
        Bot.awaitReady(heard);

        bot.send("m-none", "alice@localhost", "no stream management");

        assertThat(bot.connector.guarantee()).isEqualTo(DeliveryGuarantee.NONE);
        assertThat(heard.nextAck(WAIT)).isEqualTo("m-none");
        assertThat(alice.nextWithBody(WAIT).getStanzaId()).isEqualTo("m-none");
    }

    @Test
    void send_toAnAccountThatDoesNotExist_serverBounces_rejected() throws Exception {
        Heard heard = startBot(List.of());

        bot.send("m-nobody", "nobody@localhost", "anyone there?");

        assertThat(heard.nextEvent(WAIT)).isEqualTo("rejected m-nobody: the server refused it: service-unavailable");
        assertThat(heard.acks.poll(500, TimeUnit.MILLISECONDS)).as("the server's ack after its bounce is not passed on").isNull();
    }

    @Test
    void send_toARoomNotJoined_rejectedAtOnce() throws Exception {
        Heard heard = startBot(List.of());

        bot.send("m-x", "#elsewhere", "hi");

        assertThat(heard.nextEvent(WAIT)).startsWith("rejected m-x: not in #elsewhere");
    }

    @Test
    void checkAddress_jidsAndRooms() throws Exception {
        startBot(List.of());
        assertThat(bot.connector.checkAddress("alice@localhost")).isNull();
        assertThat(bot.connector.checkAddress("lobby@conference.localhost/alice")).isNull();
        assertThat(bot.connector.checkAddress("#lobby")).isNull();
        assertThat(bot.connector.checkAddress("localhost")).contains("XMPP address");
        assertThat(bot.connector.checkAddress("a@b@c")).contains("XMPP address");
        assertThat(bot.connector.checkAddress("#a@b")).contains("no @");
        assertThat(bot.connector.checkAddress("#")).contains("#lobby");
    }
}
