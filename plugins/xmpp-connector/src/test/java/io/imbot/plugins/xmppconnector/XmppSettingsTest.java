package io.imbot.plugins.xmppconnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imbot.api.connector.ConnectionSettings;
import io.imbot.testsupport.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a connection's settings: defaults, and errors that name the setting. */
class XmppSettingsTest {

    @TempDir
    Path dir;

    private static ConnectionSettings settings(String url, String user, String token, List<String> rooms, Map<String, Object> options) {
        return new ConnectionSettings("chat", "xmpp", url, user, token, rooms, Duration.ofSeconds(1), Duration.ofSeconds(30), options);
    }

    private static XmppSettings read(String url, String user, List<String> rooms, Map<String, Object> options) {
        return XmppSettings.from(settings(url, user, "pw", rooms, options), Path::of);
    }

    @Test
    void from_minimal_defaults() {
        XmppSettings s = read("xmpp://chat.example.org", "bot@example.org", List.of("#lobby"), Map.of());

        assertThat(s.host()).isEqualTo("chat.example.org");
        assertThat(s.port()).isEqualTo(5222);
        assertThat(s.account().toString()).isEqualTo("bot@example.org");
        assertThat(s.resource()).isEqualTo("imbot");
        assertThat(s.nickname()).isEqualTo("bot");
        assertThat(s.mucService()).isEqualTo("conference.example.org");
        assertThat(s.requireTls()).isTrue();
        assertThat(s.verifyHost()).isTrue();
        assertThat(s.streamManagement()).isTrue();
        assertThat(s.caFile()).isEmpty();
        assertThat(s.keepAlive()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.maxInflight()).isEqualTo(100);
        assertThat(s.describe()).isEqualTo("xmpp://chat.example.org:5222 as bot@example.org");
        assertThat(s.toString()).doesNotContain("pw");
    }

    @Test
    void from_localPartOnly_domainIsTheUrlsHost_optionsOverride() {
        XmppSettings s = read("xmpp://example.org:5333", "bot", List.of(), Map.of("resource", "r1", "nickname", "Imbot",
                "mucService", "rooms.example.org", "keepAlive", "0s", "streamManagement", "false", "maxInflight", 5));

        assertThat(s.account().toString()).isEqualTo("bot@example.org");
        assertThat(s.port()).isEqualTo(5333);
        assertThat(s.resource()).isEqualTo("r1");
        assertThat(s.nickname()).isEqualTo("Imbot");
        assertThat(s.mucService()).isEqualTo("rooms.example.org");
        assertThat(s.keepAlive()).isZero();
        assertThat(s.streamManagement()).isFalse();
        assertThat(s.maxInflight()).isEqualTo(5);
    }

    @Test
    void from_caFile_readableWithCertificates_elseNamed() throws Exception {
        TestCertificates.PemFiles certs = TestCertificates.generate(dir);
        assertThat(read("xmpp://h", "bot@h", List.of(), Map.of("caFile", certs.caCert().toString())).caFile())
                .isEqualTo(certs.caCert().toAbsolutePath().toString());

        assertThatThrownBy(() -> read("xmpp://h", "bot@h", List.of(), Map.of("caFile", dir.resolve("none.pem").toString())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("connections.chat.options.caFile: no readable file");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
        assertThatThrownBy(() -> read("xmpp://h", "bot@h", List.of(), Map.of("caFile", empty.toString())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("connections.chat.options.caFile: ");
    }

    @Test
    void from_badSettings_illegalArgumentNamingTheSetting() {
        assertBad("http://h", "bot@h", List.of(), Map.of(), "connections.chat.url: expected xmpp://host");
        assertBad("xmpp://h/path", "bot@h", List.of(), Map.of(), "connections.chat.url: expected xmpp://host");
        assertBad("xmpp:// h", "bot@h", List.of(), Map.of(), "connections.chat.url: not a URL");
        assertBad("xmpp://h", "bot@h/res", List.of(), Map.of(), "connections.chat.user: expected the bot's bare JID");
        assertBad("xmpp://h", "bot@", List.of(), Map.of(), "connections.chat.user: ");
        assertBad("xmpp://h", "bot@h", List.of("lobby"), Map.of(), "connections.chat.rooms: 'lobby'");
        assertBad("xmpp://h", "bot@h", List.of("#a@b"), Map.of(), "connections.chat.rooms: '#a@b'");
        assertBad("xmpp://h", "bot@h", List.of(), Map.of("maxInflight", 201), "connections.chat.options.maxInflight: expected 1 to 200");
        assertBad("xmpp://h", "bot@h", List.of(), Map.of("keepAlive", "often"), "connections.chat.options.keepAlive: ");
        assertBad("xmpp://h", "bot@h", List.of(), Map.of("requireTls", "yes"), "connections.chat.options.requireTls: expected true or false");
        assertBad("xmpp://h", "bot@h", List.of(), Map.of("connectTimeout", "0s"), "connections.chat.options.connectTimeout: ");
        assertBad("xmpp://h", "bot@h", List.of(), Map.of("mucService", "a b"), "connections.chat.options.mucService: ");
        assertThatThrownBy(() -> XmppSettings.from(settings("xmpp://h", "bot@h", "", List.of(), Map.of()), Path::of))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("connections.chat.token: ");
    }

    private static void assertBad(String url, String user, List<String> rooms, Map<String, Object> options, String messageStart) {
        assertThatThrownBy(() -> read(url, user, rooms, options)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(messageStart);
    }

    @Test
    void inboundIds_validKeptDerivedStableFreshWhenMissing() {
        assertThat(InboundIds.of("alice@h", "abc-123")).isEqualTo("abc-123");
        assertThat(InboundIds.of("alice@h", "a b")).isEqualTo(InboundIds.of("alice@h", "a b")).matches("x[0-9a-v]{26}");
        assertThat(InboundIds.of("alice@h", "x".repeat(129))).matches("x[0-9a-v]{26}");
        assertThat(InboundIds.of("alice@h", null)).isNotEqualTo(InboundIds.of("alice@h", null)).startsWith("n");
    }
}
