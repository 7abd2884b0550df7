package io.imbot.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imbot.testsupport.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsTest {

    @Test
    void defaults_matchTheDocumentedValues() {
        ServerOptions o = ServerOptions.defaults();
        assertThat(o.host()).isEqualTo("127.0.0.1");
        assertThat(o.port()).isEqualTo(7070);
        assertThat(o.maxFrameBytes()).isEqualTo(1_048_576);
        assertThat(o.accounts()).isEmpty();
        assertThat(o.openLogin()).isFalse();
        assertThat(o.reservedUsers()).isEmpty();
        assertThat(o.maxConnections()).isEqualTo(256);
        assertThat(o.loginTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.offlineQueueLimit()).isEqualTo(100_000);
        assertThat(o.queueBytesLimit()).isEqualTo(64L << 20);
        assertThat(o.totalQueueBytesLimit()).isEqualTo(Runtime.getRuntime().maxMemory() / 4);
        assertThat(o.deliveryWindow()).isEqualTo(1000);
        assertThat(o.dedupCapacity()).isEqualTo(1_000_000);
        assertThat(o.idleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(o.webSocketPort()).isEqualTo(-1);
        assertThat(o.tls()).isFalse();
        assertThat(o.tlsCertPath()).isEmpty();
        assertThat(o.tlsKeyPath()).isEmpty();
        assertThat(FaultOptions.none()).isEqualTo(new FaultOptions(0, 0, false, false, 1, 0));
    }

    @Test
    void serverOptions_outOfRange_throwsNamingTheField() {
        ServerOptions o = ServerOptions.defaults();
        assertThatThrownBy(() -> o.withPort(70000)).hasMessageContaining("port");
        assertThatThrownBy(() -> o.withMaxFrameBytes(8)).hasMessageContaining("maxFrameBytes");
        assertThatThrownBy(() -> o.withDeliveryWindow(0)).hasMessageContaining("deliveryWindow");
        assertThatThrownBy(() -> o.withIdleTimeout(Duration.ofSeconds(-1))).hasMessageContaining("idleTimeout");
        assertThatThrownBy(() -> o.withAccounts(Map.of("no spaces", TokenHash.of("t", 1)))).hasMessageContaining("accounts");
        assertThatThrownBy(() -> o.withReservedUsers(Set.of("no spaces"))).hasMessageContaining("reservedUsers");
        assertThatThrownBy(() -> o.withMaxConnections(0)).hasMessageContaining("maxConnections");
        assertThatThrownBy(() -> o.withLoginTimeout(Duration.ZERO)).hasMessageContaining("loginTimeout");
        assertThatThrownBy(() -> o.withQueueBytesLimit(1 << 20)).hasMessageContaining("queueBytesLimit")
                .hasMessageContaining("twice maxFrameBytes");
        assertThatThrownBy(() -> o.withMaxFrameBytes(1024).withTotalQueueBytesLimit(2048)).hasMessageContaining("totalQueueBytesLimit");
        assertThatThrownBy(() -> o.withWebSocketPort(-2)).hasMessageContaining("webSocketPort");
        assertThatThrownBy(() -> o.withWebSocketPort(65536)).hasMessageContaining("webSocketPort");
        assertThatThrownBy(() -> o.withWebSocketPort(o.port())).hasMessageContaining("webSocketPort must differ from port");
    }

    @Test
    void withTls_pemFiles_setsBothAndTurnsTlsOnAndNullsTurnItOff(@TempDir Path dir) {
        TestCertificates.PemFiles certs = TestCertificates.generate(dir);
        ServerOptions o = ServerOptions.defaults().withTls(certs.serverCert().toString(), certs.serverKey().toString());
        assertThat(o.tls()).isTrue();
        assertThat(o.tlsCertPath()).isEqualTo(certs.serverCert().toString());
        assertThat(o.toString()).contains("tlsCertPath=" + certs.serverCert()).contains("tlsKeyPath=" + certs.serverKey());
        assertThat(o.withTls(null, null).tls()).isFalse();
        assertThat(o.withTls("", "").tls()).isFalse();
    }

    @Test
    void withTls_badFiles_throwsNamingTheSettingAndTheFile(@TempDir Path dir) throws Exception {
        TestCertificates.PemFiles certs = TestCertificates.generate(dir);
        String cert = certs.serverCert().toString();
        String key = certs.serverKey().toString();
        Path missing = dir.resolve("missing.pem");
        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
        ServerOptions o = ServerOptions.defaults();

        assertThatThrownBy(() -> o.withTls(cert, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tlsCertPath is set but tlsKeyPath is empty");
        assertThatThrownBy(() -> o.withTls(null, key)).hasMessageContaining("tlsKeyPath is set but tlsCertPath is empty");
        assertThatThrownBy(() -> o.withTls(missing.toString(), key)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tlsCertPath").hasMessageContaining(missing.toAbsolutePath().toString());
        assertThatThrownBy(() -> o.withTls(cert, missing.toString())).hasMessageContaining("tlsKeyPath")
                .hasMessageContaining(missing.toAbsolutePath().toString());
        assertThatThrownBy(() -> o.withTls(notPem.toString(), key)).hasMessageContaining("tlsCertPath")
                .hasMessageContaining(notPem.toAbsolutePath().toString()).hasMessageContaining("PEM certificate");
        assertThatThrownBy(() -> o.withTls(cert, cert)).hasMessageContaining("tlsKeyPath").hasMessageContaining("private key");
        assertThatThrownBy(() -> o.withTls(missing.toString(), key)).hasMessageContaining("no such file");
        assertThatThrownBy(() -> o.withTls(dir.toString(), key)).hasMessageContaining("not a regular file");
    }

    @Test
    void serverOptions_accounts_copiedAndHashesNeverPrinted() {
        TokenHash hash = TokenHash.of("s3cret", 1);
        Map<String, TokenHash> accounts = new HashMap<>(Map.of("alice", hash));
        ServerOptions o = ServerOptions.defaults().withAccounts(accounts);
        accounts.clear();
        assertThat(o.accounts()).containsEntry("alice", hash);
        assertThat(o.toString()).doesNotContain(hash.encoded().split(":")[3]).doesNotContain("s3cret");
    }

    @Test
    void faultOptions_outOfRange_throwsNamingTheField() {
        FaultOptions f = FaultOptions.none();
        assertThatThrownBy(() -> f.withDropAckPercent(101)).hasMessageContaining("dropAckPercent");
        assertThatThrownBy(() -> f.withAckDelayMillis(-1)).hasMessageContaining("ackDelayMillis");
        assertThatThrownBy(() -> f.withDuplicateDeliveries(0)).hasMessageContaining("duplicateDeliveries");
    }
}
