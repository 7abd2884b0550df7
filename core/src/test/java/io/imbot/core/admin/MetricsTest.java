package io.imbot.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.core.client.ChatClient;
import io.imbot.core.plugin.testbots.EchoBot;
import io.imbot.core.testing.AdminFixture;
import io.imbot.core.testing.DaemonFixture;
import io.imbot.core.testing.TestPlugins;
import io.imbot.testsupport.ServerProcess;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} on a real daemon after a message and its reply, checked by Prometheus's own
 * parser and linter ({@code promtool check metrics}, Debian's prometheus package).
 */
@ExtendWith(VertxExtension.class)
class MetricsTest {

    @TempDir
    Path home;

    @Test
    void scrape_afterAMessageAndItsReply_promtoolAcceptsIt_andTheFiguresAreThere(Vertx vertx) throws Exception {
        Path promtool = ServerProcess.require("promtool", "prometheus");
        TestPlugins.jar(home.resolve("plugins"), "echo", EchoBot.class);
        try (DaemonFixture daemon = DaemonFixture.start(vertx, home); AdminFixture admin = AdminFixture.of(vertx, daemon)) {
            ChatClient alice = daemon.login("alice");
            io.imbot.core.testing.Futures.await(alice.send("bot", "hi"));
            assertThat(daemon.nextReply(10).body()).isEqualTo("echo: hi");

            AdminFixture.Answer scrape = admin.send("GET /metrics HTTP/1.1\r\nHost: 10.0.0.9\r\n\r\n");
            assertThat(scrape.status()).as(scrape.raw()).isEqualTo(200);
            assertThat(scrape.raw()).containsIgnoringCase("content-type: text/plain; version=0.0.4");
            String text = scrape.raw().substring(scrape.raw().indexOf("\r\n\r\n") + 4);
            Path file = Files.writeString(home.resolve("metrics.txt"), text);

            Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectInput(file.toFile())
                    .redirectErrorStream(true).start();
            String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as("promtool check metrics said:\n" + said).isZero();

            assertThat(text).contains("imbot_connection_up{connection=\"main\"} 1.0")
                    .containsPattern("imbot_messages_accepted_total [1-9]")
                    .containsPattern("imbot_messages_acknowledged_total [1-9]")
                    .containsPattern("imbot_inbound_received_total [1-9]")
                    .containsPattern("imbot_ack_latency_seconds_count\\{connection=\"main\"} [1-9]")
                    .contains("imbot_ack_latency_seconds_bucket{connection=\"main\",le=\"0.001\"}")
                    .containsPattern("imbot_plugin_calls_seconds_count\\{outcome=\"ok\",plugin=\"echo\"} [1-9]")
                    .containsPattern("imbot_store_commit_seconds_count [1-9]")
                    .containsPattern("imbot_store_commit_batch_writes_count [1-9]")
                    .contains("imbot_messages_pending ")
                    .contains("jvm_memory_used_bytes");
        }
    }
}
