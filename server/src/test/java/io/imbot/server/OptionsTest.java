package io.imbot.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaults_matchTheDocumentedValues() {
        ServerOptions o = ServerOptions.defaults();
        assertThat(o.host()).isEqualTo("127.0.0.1");
        assertThat(o.port()).isEqualTo(7070);
        assertThat(o.maxFrameBytes()).isEqualTo(1_048_576);
        assertThat(o.tokens()).isEmpty();
        assertThat(o.offlineQueueLimit()).isEqualTo(100_000);
        assertThat(o.deliveryWindow()).isEqualTo(1000);
        assertThat(o.dedupCapacity()).isEqualTo(1_000_000);
        assertThat(o.idleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(FaultOptions.none()).isEqualTo(new FaultOptions(0, 0, false, false, 1, 0));
    }

    @Test
    void serverOptions_outOfRange_throwsNamingTheField() {
        ServerOptions o = ServerOptions.defaults();
        assertThatThrownBy(() -> o.withPort(70000)).hasMessageContaining("port");
        assertThatThrownBy(() -> o.withMaxFrameBytes(8)).hasMessageContaining("maxFrameBytes");
        assertThatThrownBy(() -> o.withDeliveryWindow(0)).hasMessageContaining("deliveryWindow");
        assertThatThrownBy(() -> o.withIdleTimeout(Duration.ofSeconds(-1))).hasMessageContaining("idleTimeout");
        assertThatThrownBy(() -> o.withTokens(Map.of("no spaces", "t"))).hasMessageContaining("tokens");
    }

    @Test
    void serverOptions_tokens_copiedAndNeverPrinted() {
        Map<String, String> tokens = new HashMap<>(Map.of("alice", "s3cret"));
        ServerOptions o = ServerOptions.defaults().withTokens(tokens);
        tokens.clear();
        assertThat(o.tokens()).containsEntry("alice", "s3cret");
        assertThat(o.toString()).doesNotContain("s3cret");
    }

    @Test
    void faultOptions_outOfRange_throwsNamingTheField() {
        FaultOptions f = FaultOptions.none();
        assertThatThrownBy(() -> f.withDropAckPercent(101)).hasMessageContaining("dropAckPercent");
        assertThatThrownBy(() -> f.withAckDelayMillis(-1)).hasMessageContaining("ackDelayMillis");
        assertThatThrownBy(() -> f.withDuplicateDeliveries(0)).hasMessageContaining("duplicateDeliveries");
    }
}
