package io.imbot.plugins.ircconnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imbot.api.connector.ConnectionSettings;
import io.imbot.api.connector.Connector;
import io.imbot.api.connector.ConnectorHost;
import io.imbot.api.connector.DeliveryGuarantee;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IrcSettingsTest {

    @TempDir
    Path dir;

    private static ConnectionSettings settings(String url, String user, String token, List<String> rooms, Map<String, Object> options) {
        return new ConnectionSettings("chat", "irc", url, user, token, rooms, Duration.ofMillis(200), Duration.ofSeconds(30), options);
    }

    private static IrcSettings read(String url, String user, List<String> rooms, Map<String, Object> options) {
        return IrcSettings.from(settings(url, user, "", rooms, options), Path::of);
    }

    @Test
    void from_plainUrl_defaults() {
        IrcSettings s = read("irc://irc.example.org", "bot", List.of("#lobby"), Map.of());

        assertThat(s.host()).isEqualTo("irc.example.org");
        assertThat(s.port()).isEqualTo(6667);
        assertThat(s.tls()).isFalse();
        assertThat(s.lineInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.lineBurst()).isEqualTo(4);
        assertThat(s.maxQueuedLines()).isEqualTo(8);
        assertThat(s.maxLineBytes()).isEqualTo(512);
        assertThat(s.keepAlive()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.pingTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.realName()).isEqualTo("imbot");
        assertThat(s.username()).isEqualTo("bot");
        assertThat(s.rooms()).containsExactly("#lobby");
        assertThat(s.describe()).isEqualTo("irc://irc.example.org:6667 as bot");
    }

    @Test
    void from_tlsUrlWithOptions_read() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "not checked here");
        IrcSettings s = IrcSettings.from(settings("ircs://irc.example.org", "bot", "pw", List.of(), Map.of("caFile", "ca.pem", "verifyHost", "false",
                "lineInterval", "2s", "lineBurst", 2, "realName", "The imbot")), dir::resolve);

        assertThat(s.port()).isEqualTo(6697);
        assertThat(s.tls()).isTrue();
        assertThat(s.caFile()).isEqualTo(ca.toAbsolutePath().toString());
        assertThat(s.verifyHost()).isFalse();
        assertThat(s.lineInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.lineBurst()).isEqualTo(2);
        assertThat(s.realName()).isEqualTo("The imbot");
        assertThat(s.toString()).contains("password=***").doesNotContain("pw");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://irc.example.org", "irc.example.org:6667", "irc://", "irc://host/#lobby", "irc://host?x=1", "irc://user@host",
            "irc://bad host"})
    void from_badUrl_namesTheUrlSetting(String url) {
        assertThatThrownBy(() -> read(url, "bot", List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("connections.chat.url: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1bot", "two words", "bot\r\nQUIT", ""})
    void from_badNick_namesTheUserSetting(String nick) {
        assertThatThrownBy(() -> read("irc://host", nick, List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("connections.chat.user: ").hasMessageContaining("not an IRC nick");
    }

    @Test
    void from_badRoom_namesTheRoomsSetting() {
        assertThatThrownBy(() -> read("irc://host", "bot", List.of("#ok", "#not ok"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("connections.chat.rooms: '#not ok' is not an IRC channel");
    }

    @Test
    void from_tokenWithALineBreak_refusedWithoutShowingIt() {
        assertThatThrownBy(() -> IrcSettings.from(settings("irc://host", "bot", "sec\r\nret", List.of(), Map.of()), Path::of))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("connections.chat.token: must not hold line breaks or NUL");
    }

    @Test
    void from_badOptions_nameTheOption() {
        record Bad(String key, Object value, String message) {}
        List<Bad> cases = List.of(
                new Bad("lineBurst", 0, "connections.chat.options.lineBurst: expected 1 to 100, got 0"),
                new Bad("lineBurst", "many", "connections.chat.options.lineBurst: expected a whole number, got 'many'"),
                new Bad("lineInterval", "fast", "connections.chat.options.lineInterval: expected a duration"),
                new Bad("lineInterval", "2h", "connections.chat.options.lineInterval: expected 0 ms to 60000 ms, got 7200000 ms"),
                new Bad("maxLineBytes", 100, "connections.chat.options.maxLineBytes: expected 256 to 65536, got 100"),
                new Bad("maxQueuedLines", 0, "connections.chat.options.maxQueuedLines: expected 1 to 100000, got 0"),
                new Bad("keepAlive", "0ms", "connections.chat.options.keepAlive: expected 100 ms"),
                new Bad("verifyHost", "maybe", "connections.chat.options.verifyHost: expected true or false"),
                new Bad("username", "a b", "connections.chat.options.username: expected 1-20 of A-Z a-z 0-9 _ . -"),
                new Bad("realName", "two\nlines", "connections.chat.options.realName: expected 1-100 characters on one line"),
                new Bad("caFile", "ca.pem", "connections.chat.options.caFile: only for ircs:// URLs"),
                new Bad("lineIntervall", "1s", "connections.chat.options.lineIntervall: not an option of kind irc"));
        for (Bad bad : cases) {
            assertThatThrownBy(() -> read("irc://host", "bot", List.of(), Map.of(bad.key(), bad.value())))
                    .as(bad.key() + "=" + bad.value())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(bad.message());
        }
    }

    @Test
    void from_caFileMissing_namesTheFile() {
        assertThatThrownBy(() -> IrcSettings.from(settings("ircs://host", "bot", "", List.of(), Map.of("caFile", "nowhere.pem")), dir::resolve))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("connections.chat.options.caFile: no readable file " + dir.resolve("nowhere.pem").toAbsolutePath());
    }

    @Test
    void factory_kindIrc_makesAConnectorWithTheGuaranteeNone_orRefusesBadSettings() {
        Vertx vertx = Vertx.vertx();
        ConnectorHost host = new ConnectorHost() {
            @Override
            public <T> Optional<T> platform(Class<T> type) {
                return type == Vertx.class ? Optional.of(type.cast(vertx)) : Optional.empty();
            }

            @Override
            public System.Logger logger() {
                return System.getLogger("test");
            }
        };
        IrcConnectorFactory factory = new IrcConnectorFactory();

        Connector connector = factory.create(settings("irc://host", "bot", "", List.of(), Map.of()), host);
        assertThat(factory.kind()).isEqualTo("irc");
        assertThat(connector.guarantee()).isEqualTo(DeliveryGuarantee.NONE);
        assertThat(connector.describe()).isEqualTo("irc://host:6667 as bot");
        assertThat(connector.checkAddress("#lobby")).isNull();
        assertThat(connector.checkAddress("two words")).startsWith("not an IRC nick");
        assertThatThrownBy(() -> factory.create(settings("xmpp://host", "bot", "", List.of(), Map.of()), host))
                .hasMessageStartingWith("connections.chat.url: ");
        vertx.close();
    }
}
