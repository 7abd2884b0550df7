package io.imbot.core.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imbot.api.connector.ConnectionSettings;
import io.imbot.plugins.imbotconnector.ImbotOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the imbot connector reads a configured connection's URL and options. */
class ImbotOptionsTest {

    private static ConnectionSettings settings(String url, Map<String, Object> options) {
        return new ConnectionSettings("office", "imbot", url, "bot", "", List.of(), Duration.ofMillis(200), Duration.ofSeconds(30),
                options);
    }

    @Test
    void from_webSocketUrlsWithoutPort_takeTheSchemesPortAndDefaultPath() {
        ImbotOptions wss = ImbotOptions.from(settings("wss://chat.example.org", Map.of()));
        ImbotOptions ws = ImbotOptions.from(settings("ws://chat.example.org/im", Map.of()));

        assertThat(wss.port()).isEqualTo(443);
        assertThat(wss.url()).isEqualTo("wss://chat.example.org:443/imbot");
        assertThat(ws.port()).isEqualTo(80);
        assertThat(ws.transport().path()).isEqualTo("/im");
    }

    @Test
    void from_tcpWithoutPort_isAnErrorNamingTheUrlSetting() {
        assertThatThrownBy(() -> ImbotOptions.from(settings("tcp://chat.example.org", Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connections.office.url: expected a host and a port");
    }

    @Test
    void from_relativeCaFile_resolvedByTheGivenRule(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("certs"));
        Files.writeString(home.resolve("certs/ca.pem"), "not checked here");

        ImbotOptions o = ImbotOptions.from(settings("tls://127.0.0.1:7443", Map.of("caFile", "certs/ca.pem")), home::resolve);

        assertThat(o.transport().caFile()).isEqualTo(home.resolve("certs/ca.pem").toAbsolutePath().toString());
        assertThat(o.transport().tls()).isTrue();
    }

    @Test
    void from_caFileMissingOrOnPlainTcp_isAnErrorNamingTheOption(@TempDir Path home) {
        assertThatThrownBy(() -> ImbotOptions.from(settings("tls://127.0.0.1:7443", Map.of("caFile", "nope.pem")), home::resolve))
                .hasMessageContaining("connections.office.options.caFile: no readable file " + home.resolve("nope.pem").toAbsolutePath());
        assertThatThrownBy(() -> ImbotOptions.from(settings("tcp://127.0.0.1:7070", Map.of("caFile", "ca.pem")), home::resolve))
                .hasMessageContaining("connections.office.options.caFile: only for tls:// and wss:// URLs");
    }
}
