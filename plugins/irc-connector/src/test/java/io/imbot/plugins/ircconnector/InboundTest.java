package io.imbot.plugins.ircconnector;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.connector.ConnectionSettings;
import io.imbot.api.connector.InboundMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboundTest {

    private final Inbound inbound = new Inbound(IrcSettings.from(new ConnectionSettings("chat", "irc", "irc://host", "bot", "", List.of("#Lobby"),
            Duration.ofSeconds(1), Duration.ofSeconds(30), Map.of()), Path::of));

    private InboundMessage read(String line, String nick) {
        return inbound.read(IrcLine.parse(line), nick);
    }

    @Test
    void read_toTheCurrentNick_addressedToTheConfiguredUser() {
        InboundMessage m = read(":alice!a@host PRIVMSG Bot_ :hi", "bot_");

        assertThat(m.from()).isEqualTo("alice");
        assertThat(m.to()).isEqualTo("bot");
        assertThat(m.body()).isEqualTo("hi");
        assertThat(m.sentAt()).isZero();
    }

    @Test
    void read_toARoomInAnotherCaseOrToItsOperators_theRoomAsConfigured() {
        assertThat(read(":alice!a@host PRIVMSG #lobby :hi", "bot").to()).isEqualTo("#Lobby");
        assertThat(read(":alice!a@host PRIVMSG @#LOBBY :ops only", "bot").to()).isEqualTo("#Lobby");
        assertThat(read(":alice!a@host PRIVMSG #elsewhere :hi", "bot").to()).isEqualTo("#elsewhere");
    }

    @Test
    void read_notForTheBot_ownEchoesServersCtcpAndEmpty_none() {
        assertThat(read(":alice!a@host PRIVMSG carol :not for us", "bot")).isNull();
        assertThat(read(":bot!b@host PRIVMSG #lobby :my own", "bot")).isNull();
        assertThat(read(":irc.example.org PRIVMSG bot :from a server", "bot")).isNull();
        assertThat(read(":alice!a@host PRIVMSG bot :\u0001VERSION\u0001", "bot")).isNull();
        assertThat(read(":alice!a@host PRIVMSG bot :\u0002\u0002", "bot")).isNull();
        assertThat(read(":alice!a@host PRIVMSG bot", "bot")).isNull();
    }

    @Test
    void read_ids_uniquePerConnection_validAsImbotIds() {
        InboundMessage first = read(":alice!a@host PRIVMSG bot :one", "bot");
        InboundMessage second = read(":alice!a@host PRIVMSG bot :two", "bot");
        InboundMessage elsewhere = new Inbound(IrcSettings.from(new ConnectionSettings("chat", "irc", "irc://host", "bot", "", List.of(),
                Duration.ofSeconds(1), Duration.ofSeconds(30), Map.of()), Path::of)).read(IrcLine.parse(":alice!a@host PRIVMSG bot :one"), "bot");

        assertThat(first.id()).matches("[0-9a-z]{1,13}-1");
        assertThat(second.id()).isEqualTo(first.id().replace("-1", "-2"));
        assertThat(elsewhere.id()).as("another connection, another prefix").isNotEqualTo(first.id());
    }
}
