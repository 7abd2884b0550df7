package io.imbot.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imbot.api.connector.ConnectionSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connections list, and the single connection that bot: and server: describe without one. */
class ConnectionsConfigTest {

    @TempDir
    Path home;

    private ImbotConfig load(String yaml, Map<String, String> env) throws Exception {
        Path file = home.resolve("imbot.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(env, new Properties()).load(home, file);
    }

    @Test
    void noList_oneConnectionNamedMainFromTheBotAndServerSections() throws Exception {
        ImbotConfig c = load("bot:\n  user: helper\n  token: s3cret\n  rooms: [\"#lobby\"]\nserver:\n  embedded: false\n  port: 7171\n"
                + "  heartbeat: 3s\n", Map.of());

        assertThat(c.connections()).hasSize(1);
        ConnectionSettings main = c.connections().get(0);
        assertThat(main.name()).isEqualTo("main");
        assertThat(main.kind()).isEqualTo("imbot");
        assertThat(main.url()).isEqualTo("tcp://127.0.0.1:7171");
        assertThat(main.user()).isEqualTo("helper");
        assertThat(main.token()).isEqualTo("s3cret");
        assertThat(main.rooms()).containsExactly("#lobby");
        assertThat(main.option("heartbeat", Duration.ZERO)).isEqualTo(Duration.ofSeconds(3));
        assertThat(main.toString()).doesNotContain("s3cret");
    }

    @Test
    void noListWithEmbeddedServer_connectsToTheEmbeddedOne() throws Exception {
        assertThat(load("", Map.of()).connections().get(0).url()).isEqualTo(ImbotConfig.EMBEDDED_URL);
    }

    @Test
    void list_eachItemBoundWithDefaultsAndItsOwnOptions() throws Exception {
        ImbotConfig c = load("""
                connections:
                  - name: work
                    kind: xmpp
                    url: xmpp://chat.example.org
                    user: bot@example.org
                    tokenEnv: WORK_TOKEN
                    rooms: ["#ops"]
                    reconnect:
                      initialDelay: 1s
                    options:
                      resource: imbot
                  - name: home
                    url: embedded
                    user: bot
                """, Map.of("WORK_TOKEN", "from-env"));

        assertThat(c.connections()).extracting(ConnectionSettings::name).containsExactly("work", "home");
        ConnectionSettings work = c.connections().get(0);
        assertThat(work.kind()).isEqualTo("xmpp");
        assertThat(work.user()).isEqualTo("bot@example.org");
        assertThat(work.token()).isEqualTo("from-env");
        assertThat(work.reconnectInitial()).isEqualTo(Duration.ofSeconds(1));
        assertThat(work.reconnectMax()).isEqualTo(Duration.ofSeconds(30));
        assertThat(work.option("resource", "")).isEqualTo("imbot");
        assertThat(c.connections().get(1).kind()).isEqualTo("imbot");
    }

    @Test
    void list_mistakes_eachAnErrorNamingTheItemAndKey() {
        assertError("connections:\n  - name: a\n    url: tcp://h:1\n    user: bot\n  - name: a\n    url: tcp://h:2\n    user: bot\n",
                "connections[1].name: 'a' names two connections");
        assertError("connections:\n  - name: a\n    url: tcp://h:1\n    user: bot\n    passwd: x\n", "connections[0].passwd: unknown key");
        assertError("connections:\n  - name: a\n    user: bot\n", "connections[0].url: missing");
        assertError("connections:\n  - name: \"a b\"\n    url: tcp://h:1\n    user: bot\n", "connections[0].name: expected 1-32 letters");
        assertError("connections:\n  - name: a\n    url: tcp://h:1\n    user: bot\n    tokenEnv: NOPE\n",
                "connections[0].tokenEnv: the environment variable NOPE is not set");
        assertError("connections:\n  - name: a\n    url: tcp://h:1\n    user: bot\n    rooms: [lobby]\n", "connections[0].rooms: room names start with '#'");
        assertError("server:\n  embedded: false\nconnections:\n  - name: a\n    url: embedded\n    user: bot\n",
                "connections[0].url: 'embedded' names the reference server inside the daemon, but server.embedded is false");
        assertError("connections: {name: a}\n", "connections: expected a list");
    }

    private void assertError(String yaml, String message) {
        assertThatThrownBy(() -> load(yaml, Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining(message)
                .hasMessageContaining("imbot.yaml");
    }
}
