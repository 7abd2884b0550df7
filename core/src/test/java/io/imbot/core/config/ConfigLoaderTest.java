package io.imbot.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imbot.server.TokenHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path home;

    private ImbotConfig load(String yaml, Map<String, String> env, Properties props) throws Exception {
        Path file = home.resolve("imbot.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(env, props).load(home, file);
    }

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void load_noFile_usesBuiltInDefaults() throws Exception {
        ImbotConfig c = new ConfigLoader(Map.of(), new Properties()).load(home, null);
        assertThat(c.bot().user()).isEqualTo("bot");
        assertThat(c.server().port()).isEqualTo(7070);
        assertThat(c.delivery().ackTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.delivery().maxAttempts()).isEqualTo(3);
        assertThat(c.database().url()).isEqualTo("jdbc:hsqldb:file:" + home.toAbsolutePath().normalize().resolve("data/imbot"));
        assertThat(c.plugins().dir()).isEqualTo(home.toAbsolutePath().normalize().resolve("plugins"));
    }

    @Test
    void load_fileThenEnvThenSystemProperty_laterWins() throws Exception {
        ImbotConfig c = load("delivery:\n  ackTimeout: 2s\n  maxAttempts: 4\n  window: 10\n",
                Map.of("IMBOT_DELIVERY_MAX_ATTEMPTS", "6", "IMBOT_DELIVERY_WINDOW", "20"),
                props("imbot.delivery.window", "30", "imbot.plugins.config.autoreply.rules", "other.yaml"));
        assertThat(c.delivery().ackTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.delivery().maxAttempts()).isEqualTo(6);
        assertThat(c.delivery().window()).isEqualTo(30);
        assertThat(c.plugins().configOf("autoreply")).containsEntry("rules", "other.yaml");
    }

    @Test
    void load_historyKeep_foreverByDefault_ageAndCountFromFileOrEnv_badAgeNamed() throws Exception {
        ImbotConfig.History byDefault = load("", Map.of(), new Properties()).history();
        ImbotConfig.History set = load("history:\n  keep:\n    age: 90d\n", Map.of("IMBOT_HISTORY_KEEP_PER_CONVERSATION", "500"),
                new Properties()).history();

        assertThat(byDefault.prunes()).isFalse();
        assertThat(byDefault.keepAge()).isNull();
        assertThat(set.keepAge()).isEqualTo(Duration.ofDays(90));
        assertThat(set.keepPerConversation()).isEqualTo(500);
        assertThat(set.prunes()).isTrue();
        assertThatThrownBy(() -> load("history:\n  keep:\n    age: soon\n", Map.of(), new Properties()))
                .hasMessageContaining("history.keep.age: expected forever or a duration such as 90d or 12h, got 'soon'");
    }

    @Test
    void load_pluginSetting_sameTypeFromYamlOrSystemProperty() throws Exception {
        ImbotConfig fromFile = load("plugins:\n  config:\n    dice:\n      max: 12\n      loud: true\n      odds: 0.5\n      name: d12\n",
                Map.of(), new Properties());
        ImbotConfig fromElsewhere = load("plugins:\n  config:\n    dice:\n      max: 6\n", Map.of(), props("imbot.plugins.config.dice.max", "12",
                "imbot.plugins.config.dice.loud", "true", "imbot.plugins.config.dice.odds", "0.5", "imbot.plugins.config.dice.name", "d12"));

        assertThat(fromElsewhere.plugins().configOf("dice")).isEqualTo(fromFile.plugins().configOf("dice"));
        assertThat(fromElsewhere.plugins().configOf("dice").get("max")).isInstanceOf(Integer.class).isEqualTo(12);
        assertThat(fromElsewhere.plugins().configOf("dice").get("loud")).isEqualTo(true);
    }

    @Test
    void load_envList_splitsOnCommas() throws Exception {
        ImbotConfig c = load("", Map.of("IMBOT_BOT_ROOMS", "#lobby, #dev"), new Properties());
        assertThat(c.bot().rooms()).containsExactly("#lobby", "#dev");
    }

    @Test
    void load_unknownKey_namesFileKeyAndKnownKeys() {
        assertThatThrownBy(() -> load("delivery:\n  ackTimout: 2s\n", Map.of(), new Properties()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("imbot.yaml")
                .hasMessageContaining("delivery.ackTimout: unknown key")
                .hasMessageContaining("ackTimeout");
    }

    @Test
    void load_wrongType_namesFileKeyAndProblem() {
        assertThatThrownBy(() -> load("delivery:\n  maxAttempts: three\n", Map.of(), new Properties()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("imbot.yaml: delivery.maxAttempts: expected a whole number from 1 to 100, got 'three'");
    }

    @Test
    void load_badOverride_namesTheVariable() {
        assertThatThrownBy(() -> load("", Map.of("IMBOT_DELIVERY_ACK_TIMEOUT", "soon"), new Properties()))
                .hasMessageContaining("environment variable IMBOT_DELIVERY_ACK_TIMEOUT: delivery.ackTimeout: expected a duration");
        assertThatThrownBy(() -> load("", Map.of(), props("imbot.delivery.ackTimout", "1s")))
                .hasMessageContaining("system property imbot.delivery.ackTimout: delivery.ackTimout: unknown key");
    }

    @Test
    void load_brokenYaml_namesLine() {
        assertThatThrownBy(() -> load("bot:\n  user: bot\n   rooms: [\n", Map.of(), new Properties()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML at line");
    }

    @Test
    void load_duplicateKey_refusedNamingKeyAndLine() {
        assertThatThrownBy(() -> load("server:\n  port: 7000\n  host: 127.0.0.1\n  port: 7001\n", Map.of(), new Properties()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("imbot.yaml")
                .hasMessageContaining("line 4")
                .hasMessageContaining("port");
    }

    @Test
    void load_fileOverOneMebibyte_refusedBeforeParsing() {
        String huge = "bot:\n  token: \"" + "x".repeat(50 * 1024 * 1024) + "\"\n";

        assertThatThrownBy(() -> load(huge, Map.of(), new Properties()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("imbot.yaml")
                .hasMessageContaining("at most 1048576 bytes");
    }

    @Test
    void load_missingFile_saysSo() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of(), new Properties()).load(home, home.resolve("nope.yaml")))
                .hasMessageContaining("nope.yaml: configuration file not found");
    }

    @Test
    void load_sectionGivenAValueOrBadRoom_rejected() {
        assertThatThrownBy(() -> load("delivery: fast\n", Map.of(), new Properties()))
                .hasMessageContaining("delivery: expected a section of keys");
        assertThatThrownBy(() -> load("bot:\n  rooms: [lobby]\n", Map.of(), new Properties()))
                .hasMessageContaining("bot.rooms: room names start with '#'");
    }

    @Test
    void load_heartbeatTimeoutNotAboveInterval_rejected() {
        assertThatThrownBy(() -> load("server:\n  heartbeat: 10s\n  heartbeatTimeout: 5s\n", Map.of(), new Properties()))
                .hasMessageContaining("server.heartbeatTimeout: must be longer than server.heartbeat");
    }

    @Test
    void envName_camelCaseKey_becomesUpperSnake() {
        assertThat(Overrides.envName("delivery.ackTimeout")).isEqualTo("IMBOT_DELIVERY_ACK_TIMEOUT");
        assertThat(Overrides.envName("server.reconnect.initialDelay")).isEqualTo("IMBOT_SERVER_RECONNECT_INITIAL_DELAY");
    }

    @Test
    void shippedConfigFile_loadsAndMatchesDefaultsExceptOpenLogin() throws IOException, ConfigException {
        Path shipped = Path.of("../distribution/src/main/conf/imbot.yaml");
        ImbotConfig fromFile = new ConfigLoader(Map.of(), new Properties()).load(home, shipped);
        ImbotConfig defaults = new ConfigLoader(Map.of(), new Properties()).load(home, null);
        assertThat(fromFile.delivery()).isEqualTo(defaults.delivery());
        assertThat(fromFile.server()).usingRecursiveComparison().ignoringFields("login.open").isEqualTo(defaults.server());
        assertThat(defaults.server().login().open()).as("built in: closed").isFalse();
        assertThat(fromFile.server().login().open()).as("shipped for the demo: open, and it says so").isTrue();
        assertThat(fromFile.admin()).isEqualTo(defaults.admin());
        assertThat(fromFile.plugins().configOf("autoreply")).containsEntry("rules", "autoreply.yaml");
    }

    @Test
    void load_noFile_serverDoorsHaveTheDocumentedDefaults() throws Exception {
        ImbotConfig.Server s = new ConfigLoader(Map.of(), new Properties()).load(home, null).server();
        assertThat(s.login().open()).isFalse();
        assertThat(s.login().accounts()).isEmpty();
        assertThat(s.login().accountsFile()).isNull();
        assertThat(s.login().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.maxConnections()).isEqualTo(256);
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.queue().maxMessages()).isEqualTo(100_000);
        assertThat(s.queue().maxBytes()).isEqualTo(64L << 20);
        assertThat(s.queue().maxTotalBytes()).isEqualTo(Runtime.getRuntime().maxMemory() / 100 * 25);
    }

    @Test
    void load_accountsFromFileAndSystemProperty_parsedAsTokenHashes() throws Exception {
        TokenHash alice = TokenHash.of("a-token", 10);
        TokenHash bob = TokenHash.of("b-token", 10);
        ImbotConfig c = load("server:\n  login:\n    accounts:\n      alice: " + alice.encoded() + "\n    accountsFile: conf/accounts.yaml\n",
                Map.of("IMBOT_SERVER_LOGIN_OPEN", "true"), props("imbot.server.login.accounts.bob", bob.encoded()));
        assertThat(c.server().login().accounts()).containsOnlyKeys("alice", "bob");
        assertThat(c.server().login().accounts().get("alice").matches("a-token")).isTrue();
        assertThat(c.server().login().accounts().get("bob").matches("b-token")).isTrue();
        assertThat(c.server().login().open()).isTrue();
        assertThat(c.server().login().accountsFile()).isEqualTo(home.toAbsolutePath().normalize().resolve("conf/accounts.yaml"));
    }

    @Test
    void load_accountWithPlainTokenOrBadName_oneLineNamingTheKeyWithoutTheValue() {
        assertThatThrownBy(() -> load("server:\n  login:\n    accounts:\n      alice: s3cret\n", Map.of(), new Properties()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("imbot.yaml: server.login.accounts.alice: not a token hash")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> load("server:\n  login:\n    accounts:\n      \"a b\": x\n", Map.of(), new Properties()))
                .hasMessageContaining("server.login.accounts.a b: 'a b' is not a user name");
    }

    @Test
    void load_queueSizes_acceptUnitsAndHeapShareAndRefuseTooSmall() throws Exception {
        ImbotConfig c = load("server:\n  queue:\n    maxBytes: 3MiB\n    maxTotalBytes: 10%\n", Map.of(), new Properties());
        assertThat(c.server().queue().maxBytes()).isEqualTo(3L << 20);
        assertThat(c.server().queue().maxTotalBytes()).isEqualTo(Runtime.getRuntime().maxMemory() / 100 * 10);
        assertThatThrownBy(() -> load("server:\n  queue:\n    maxBytes: 1MiB\n", Map.of(), new Properties()))
                .hasMessageContaining("server.queue.maxBytes: must be at least 2097312 bytes (twice server.maxFrameBytes");
        assertThatThrownBy(() -> load("server:\n  queue:\n    maxBytes: lots\n", Map.of(), new Properties()))
                .hasMessageContaining("server.queue.maxBytes: expected a size such as 65536, 512KiB, 64MiB or 1GiB");
        assertThatThrownBy(() -> load("server:\n  queue:\n    maxTotalBytes: 200%\n", Map.of(), new Properties()))
                .hasMessageContaining("server.queue.maxTotalBytes: expected a share of the heap from 1% to 100%");
    }

    @Test
    void load_adminHostBeyondLoopbackWithoutTls_rejectedNamingTheKeys() {
        for (String host : new String[] {"0.0.0.0", "::", "192.168.1.10", "imbot.example", "::ffff:127.0.0.1"}) {
            assertThatThrownBy(() -> load("admin:\n  host: \"" + host + "\"\n", Map.of(), new Properties()))
                    .as(host)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("imbot.yaml: admin.host: '" + host + "' is not a loopback address")
                    .hasMessageContaining("admin.tls.cert and admin.tls.key")
                    .hasMessageContaining("admin.allowPlainHttp: true");
        }
    }

    @Test
    void load_adminHostOnLoopbackOrWithTlsOrOverride_accepted() throws Exception {
        for (String host : new String[] {"127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"}) {
            ImbotConfig c = load("", Map.of(), props("imbot.admin.host", host));
            assertThat(c.admin().onLoopback()).as(host).isTrue();
        }
        ImbotConfig plain = load("admin:\n  host: 0.0.0.0\n  allowPlainHttp: true\n", Map.of(), new Properties());
        assertThat(plain.admin().onWildcard()).isTrue();
        Path cert = Files.writeString(home.resolve("cert.pem"), "x");
        Path key = Files.writeString(home.resolve("key.pem"), "x");
        ImbotConfig tls = load("admin:\n  host: 192.168.1.10\n  tls:\n    cert: cert.pem\n    key: key.pem\n", Map.of(), new Properties());
        assertThat(tls.admin().tls()).isEqualTo(new ImbotConfig.Tls(cert.toAbsolutePath().normalize(), key.toAbsolutePath().normalize()));
    }

    @Test
    void load_adminTlsHalfOrMissingFile_rejected() {
        assertThatThrownBy(() -> load("admin:\n  tls:\n    cert: cert.pem\n", Map.of(), new Properties()))
                .hasMessageContaining("admin.tls.key: TLS needs both admin.tls.cert and admin.tls.key");
        assertThatThrownBy(() -> load("admin:\n  tls:\n    cert: nope.pem\n    key: nope.pem\n", Map.of(), new Properties()))
                .hasMessageContaining("admin.tls.cert: no readable file " + home.toAbsolutePath().normalize().resolve("nope.pem"));
    }

    @Test
    void load_adminTokenFromEnvironment_usedButNeverShown() throws Exception {
        String token = "t".repeat(40);
        ImbotConfig c = load("", Map.of("IMBOT_ADMIN_TOKEN", token), new Properties());

        assertThat(c.admin().token()).isEqualTo(token);
        assertThat(c.admin().tokenFile()).isEqualTo(home.toAbsolutePath().normalize().resolve("data/admin.token"));
        assertThat(c.toString()).doesNotContain(token);
        assertThatThrownBy(() -> load("", Map.of("IMBOT_ADMIN_TOKEN", "secret-but-short"), new Properties()))
                .hasMessageContaining("environment variable IMBOT_ADMIN_TOKEN: admin.token: expected at least 32")
                .message().doesNotContain("secret-but-short");
    }
}
