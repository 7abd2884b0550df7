package io.imbot.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as a new user meets it: bin/imbot run with the shipped configuration, then the
 * client commands from another working directory, a clean stop, a restart that keeps the history.
 */
class LauncherIT {

    @TempDir
    Path install;

    @TempDir
    Path elsewhere;

    private Launcher imbot;
    private int imPort;

    @BeforeEach
    void installDistribution() throws Exception {
        imbot = Launcher.install(install);
        imPort = Launcher.freePort();
        imbot.env.put("IMBOT_SERVER_PORT", String.valueOf(imPort));
        imbot.env.put("IMBOT_ADMIN_PORT", String.valueOf(Launcher.freePort()));
    }

    @Test
    void run_thenSendHistoryPlugins_pongStoredAndKeptAcrossRestart() throws Exception {
        try (Launcher.Daemon daemon = imbot.daemon(elsewhere)) {
            daemon.awaitReady();

            Launcher.Result send = imbot.run(elsewhere, "send", "--user", "alice", "--to", "bot", "--text", "ping", "--wait-reply", "5");
            assertThat(send.exit()).as(send.err()).isZero();
            assertThat(send.out()).contains("alice -> bot: acknowledged").contains("bot: pong");

            Launcher.Result history = imbot.run(elsewhere, "history", "--with", "alice");
            assertThat(history.exit()).as(history.err()).isZero();
            assertThat(history.out()).containsPattern("alice -> bot\\s+\\[RECEIVED]\\s+ping")
                    .containsPattern("bot -> alice\\s+\\[ACKNOWLEDGED]\\s+pong");

            Launcher.Result plugins = imbot.run(elsewhere, "plugins");
            assertThat(plugins.out()).containsPattern("autoreply\\s+\\S+\\s+STARTED");
            assertThat(daemon.output()).as("the shipped demo setting says what it is")
                    .contains("open login is on: any user without an account may log in without a token, except [bot]");

            assertThat(daemon.terminate()).isIn(0, 143);
            assertThat(daemon.output()).contains("imbot stopped cleanly");
        }
        Launcher.Result offline = imbot.run(elsewhere, "history", "--with", "alice");
        assertThat(offline.exit()).as(offline.err()).isZero();
        assertThat(offline.err()).contains("the daemon is not running; reading");
        assertThat(offline.out()).contains("ping").contains("pong");
        assertThat(install.resolve("logs/imbot.log")).content().contains("imbot ready");

        try (Launcher.Daemon again = imbot.daemon(elsewhere)) {
            again.awaitReady();
            Launcher.Result history = imbot.run(elsewhere, "history", "--with", "alice");
            assertThat(history.out()).contains("ping").contains("pong");
            again.terminate();
        }
    }

    @Test
    void conversations_daemonRunningThenStopped_listsLatestMessagesAndUnansweredCounts() throws Exception {
        Launcher.Result live;
        try (Launcher.Daemon daemon = imbot.daemon(elsewhere)) {
            daemon.awaitReady();
            assertThat(imbot.run(elsewhere, "send", "--user", "alice", "--to", "bot", "--text", "ping", "--wait-reply", "5").out())
                    .contains("bot: pong");
            assertThat(imbot.run(elsewhere, "send", "--user", "dave", "--to", "bot", "--text", "one").exit()).isZero();
            assertThat(imbot.run(elsewhere, "send", "--user", "dave", "--to", "bot", "--text", "two\u001b[31m").exit()).isZero();
            // Acknowledged by the server, stored by the daemon a moment later: wait for both of dave's.
            Launcher.until(10, "dave's two messages are stored", () -> imbot.admin("/api/conversations").contains("\"unanswered\":2"));

            live = imbot.run(elsewhere, "conversations");

            assertThat(live.exit()).as(live.err()).isZero();
            assertThat(live.out())
                    .containsPattern("(?m)^dave\\s+\\S+ \\S+\\s+INBOUND\\s+2 messages, 2 unanswered  dave: two\\\\u001b\\[31m$")
                    .containsPattern("(?m)^alice\\s+\\S+ \\S+\\s+OUTBOUND\\s+2 messages, 0 unanswered  bot: pong$");
            assertThat(live.out().indexOf("dave")).as("most recently active first").isLessThan(live.out().indexOf("alice"));
            assertThat(daemon.terminate()).isIn(0, 143);
        }

        Launcher.Result offline = imbot.run(elsewhere, "conversations", "--limit", "1");

        assertThat(offline.exit()).as(offline.err()).isZero();
        assertThat(offline.err()).contains("the daemon is not running; reading");
        assertThat(offline.out()).isEqualTo(live.out().lines().findFirst().orElseThrow() + "\n");
    }

    @Test
    void send_loginClosedWithAccountsFile_refusedWithoutTokenAndAnsweredWithImbotToken() throws Exception {
        Launcher.Result made = imbot.run(elsewhere, "token", "--user", "alice");
        assertThat(made.exit()).as(made.err()).isZero();
        String token = made.out().lines().filter(l -> l.startsWith("token: ")).findFirst().orElseThrow().substring(7);
        String account = made.out().lines().filter(l -> l.startsWith("alice: pbkdf2-sha256:")).findFirst().orElseThrow();
        Files.writeString(install.resolve("conf/accounts.yaml"), account + "\n");
        imbot.env.put("IMBOT_SERVER_LOGIN_OPEN", "false");
        imbot.env.put("IMBOT_SERVER_LOGIN_ACCOUNTS_FILE", "conf/accounts.yaml");
        try (Launcher.Daemon daemon = imbot.daemon(elsewhere)) {
            daemon.awaitReady();

            Launcher.Result without = imbot.run(elsewhere, "send", "--user", "alice", "--to", "bot", "--text", "ping");
            Launcher.Result asBot = imbot.run(elsewhere, "send", "--user", "bot", "--to", "alice", "--text", "hi");
            imbot.env.put("IMBOT_TOKEN", token);
            Launcher.Result with = imbot.run(elsewhere, "send", "--user", "alice", "--to", "bot", "--text", "ping", "--wait-reply", "5");

            assertThat(without.exit()).isEqualTo(1);
            assertThat(without.err()).contains("the server refused the login of 'alice': it needs a token");
            assertThat(asBot.exit()).isEqualTo(1);
            assertThat(with.exit()).as(with.err()).isZero();
            assertThat(with.out()).contains("bot: pong");
            assertThat(daemon.output()).doesNotContain("open login is on").doesNotContain(token);
            assertThat(daemon.terminate()).isIn(0, 143);
        }
    }

    @Test
    void admin_requestWithoutTheToken_refusedWhileTheCommandsWork() throws Exception {
        try (Launcher.Daemon daemon = imbot.daemon(elsewhere)) {
            daemon.awaitReady();

            Launcher.Answer history = imbot.adminRequest("/api/history", null, false);
            Launcher.Answer disable = imbot.adminRequest("/api/plugins/autoreply/disable", "{}", false);
            Launcher.Result plugins = imbot.run(elsewhere, "plugins");
            Launcher.Result rules = imbot.run(elsewhere, "rules", "test", "--user", "alice", "--text", "ping");

            assertThat(history.status()).isEqualTo(401);
            assertThat(history.body()).contains("\"error\"").contains("admin token");
            assertThat(disable.status()).isEqualTo(401);
            assertThat(plugins.exit()).as(plugins.err()).isZero();
            assertThat(plugins.out()).as("the refused disable did nothing").containsPattern("autoreply\\s+\\S+\\s+STARTED");
            assertThat(rules.out()).contains("rule 'ping'");
            Path token = install.resolve("data/admin.token");
            assertThat(java.nio.file.Files.getPosixFilePermissions(token)).containsExactlyInAnyOrder(
                    java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            assertThat(daemon.output()).doesNotContain(imbot.adminToken());
            assertThat(daemon.terminate()).isIn(0, 143);
        }
        assertThat(install.resolve("logs/imbot.log")).content().doesNotContain(imbot.adminToken());
    }

    @Test
    void run_throughSymlinkFromAnotherFolder_findsItsHome() throws Exception {
        Path link = elsewhere.resolve("imbot-link");
        Files.createSymbolicLink(link, install.resolve("bin/imbot"));

        Process p = new ProcessBuilder(link.toString(), "--version").directory(elsewhere.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes());

        assertThat(p.waitFor()).isZero();
        assertThat(out).contains("imbot");
        assertThat(install.resolve("data")).isDirectory();
        assertThat(install.resolve("logs")).isDirectory();
    }

    @Test
    void run_mistypedConfiguration_stopsBeforeStartingWithOneClearMessage() throws Exception {
        Path bad = elsewhere.resolve("bad.yaml");
        Files.writeString(bad, "delivery:\n  ackTimout: 2s\n");

        Launcher.Result fromFile = imbot.run(elsewhere, "run", "--config", bad.toString());
        imbot.env.put("IMBOT_DELIVERY_MAX_ATTEMPTS", "three");
        Launcher.Result fromEnv = imbot.run(elsewhere, "run");

        assertThat(fromFile.exit()).isEqualTo(2);
        assertThat(fromFile.err()).contains(bad + ": delivery.ackTimout: unknown key");
        assertThat(fromEnv.exit()).isEqualTo(2);
        assertThat(fromEnv.err()).contains("IMBOT_DELIVERY_MAX_ATTEMPTS: delivery.maxAttempts: expected a whole number");
        assertThat(install.resolve("data/imbot.script")).as("no database was created").doesNotExist();
    }

    @Test
    void send_noServerListening_failsWithClearMessage() throws Exception {
        Launcher.Result send = imbot.run(elsewhere, "send", "--user", "alice", "--to", "bot", "--text", "ping");

        assertThat(send.exit()).isEqualTo(3);
        assertThat(send.err()).contains("cannot connect to tcp://127.0.0.1:" + imPort);
    }

    @Test
    void history_daemonNotRunning_saysSo() throws Exception {
        Launcher.Result history = imbot.run(elsewhere, "history");

        assertThat(history.exit()).isEqualTo(3);
        assertThat(history.err()).contains("the daemon is not running");
    }

    @Test
    void plugins_exampleJarCopiedIntoRunningDaemon_answersWithoutRestart() throws Exception {
        Path example = Path.of(System.getProperty("imbot.example.jar"));
        try (Launcher.Daemon daemon = imbot.daemon(elsewhere)) {
            daemon.awaitReady();

            Files.copy(example, install.resolve("plugins").resolve(example.getFileName()));
            Launcher.until(15, "the example plugin is listed as started",
                    () -> imbot.admin("/api/plugins").matches("(?s).*\"id\":\"hello\".*\"state\":\"STARTED\".*"));
            Launcher.Result roll = imbot.run(elsewhere, "send", "--user", "alice", "--to", "bot", "--text", "/roll 6", "--wait-reply", "5");

            assertThat(roll.out()).containsPattern("bot: alice rolls [1-6] \\(1-6\\)");
            assertThat(imbot.run(elsewhere, "plugins").out()).containsPattern("hello\\s+1.0.0\\s+STARTED");
            assertThat(daemon.output()).contains("loaded plugin hello 1.0.0 from hello-bot-1.0.0.jar");

            assertThat(imbot.run(elsewhere, "plugins", "disable", "hello").out()).contains("disabled hello");
            assertThat(imbot.run(elsewhere, "plugins").out()).containsPattern("hello\\s+1.0.0\\s+DISABLED");
            assertThat(imbot.run(elsewhere, "plugins", "enable", "hello").out()).contains("enabled hello");
            assertThat(imbot.run(elsewhere, "plugins", "reload", "hello").out()).contains("reloaded hello 1.0.0");
            Launcher.Result unknown = imbot.run(elsewhere, "plugins", "reload", "nope");
            assertThat(unknown.exit()).isEqualTo(1);
            assertThat(unknown.err()).contains("no plugin with ID 'nope'");
            daemon.terminate();
        }
    }

    @Test
    void autoreply_rulesEditedWhileRunning_newRuleAnswersAndBrokenEditKeepsOldRules() throws Exception {
        Path rules = install.resolve("conf/autoreply.yaml");
        try (Launcher.Daemon daemon = imbot.daemon(elsewhere)) {
            daemon.awaitReady();

            Files.writeString(rules, Files.readString(rules) + "\n  - name: marco\n    exact: marco\n    reply: polo\n");
            Launcher.until(5, "the new rule is loaded",
                    () -> imbot.adminPost("/api/rules/test", "{\"user\":\"alice\",\"text\":\"marco\"}").contains("polo"));
            assertThat(imbot.run(elsewhere, "send", "--user", "alice", "--to", "bot", "--text", "marco", "--wait-reply", "5").out())
                    .contains("bot: polo");

            Files.writeString(rules, Files.readString(rules) + "\n  - name: broken\n    exact: [unclosed\n");
            Launcher.until(5, "the broken file is reported", () -> daemon.output().contains("autoreply.yaml:"));
            assertThat(daemon.output()).containsPattern("autoreply.yaml:\\d+(:\\d+)?: .*keeping the \\d+ rules? loaded before");
            assertThat(imbot.run(elsewhere, "send", "--user", "alice", "--to", "bot", "--text", "marco", "--wait-reply", "5").out())
                    .contains("bot: polo");
            assertThat(imbot.run(elsewhere, "rules", "test", "--user", "alice", "--text", "ping").out())
                    .contains("rule 'ping'").contains("reply: pong");
            daemon.terminate();
        }
    }

    @Test
    void chat_typeALine_seesItDeliveredAndTheBotsReply() throws Exception {
        try (Launcher.Daemon daemon = imbot.daemon(elsewhere)) {
            daemon.awaitReady();
            Process chat = imbot.start(elsewhere, true, "chat", "--user", "carol");
            StringBuilder screen = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(chat.getInputStream()))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        synchronized (screen) {
                            screen.append(line).append('\n');
                        }
                    }
                } catch (java.io.IOException e) {
                    // the process ended
                }
            });
            reader.start();
            var typing = new java.io.PrintStream(chat.getOutputStream(), true);

            Launcher.until(20, "chat logged in", () -> screenHas(screen, "logged in as carol"));
            typing.println("ping");
            Launcher.until(10, "the bot answered", () -> screenHas(screen, "bot: pong"));
            typing.println("/quit");

            assertThat(chat.waitFor(Launcher.seconds(20), java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            reader.join();
            assertThat(chat.exitValue()).isZero();
            assertThat(screen.toString()).contains("(delivered)");
            daemon.terminate();
        }
    }

    @Test
    void logs_clientSendsControlCharacters_printedEscapedNeverAsAForgedLine() throws Exception {
        String attack = "boom\n00:00:00.000 ERROR Daemon - forged line\u001b]0;owned\u0007\u202etxt.exe";
        try (Launcher.Daemon daemon = imbot.daemon(elsewhere)) {
            daemon.awaitReady();
            java.net.Socket raw = new java.net.Socket("127.0.0.1", imPort);
            byte[] frame = ("{\"type\":\"error\",\"code\":\"x\",\"text\":\"" + attack.replace("\n", "\\n")
                    .replace("\u001b", "\\u001b").replace("\u0007", "\\u0007").replace("\u202e", "\\u202e") + "\"}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            raw.getOutputStream().write(java.nio.ByteBuffer.allocate(4).putInt(frame.length).array());
            raw.getOutputStream().write(frame);
            raw.getOutputStream().flush();
            Path log = install.resolve("logs/imbot.log");
            Launcher.until(20, "the server logged the client's error", () -> Files.readString(log).contains("reported an error"));

            String written = Files.readString(log);
            assertThat(written).contains("boom\\n00:00:00.000 ERROR Daemon - forged line\\u001b]0;owned\\u0007\\u202etxt.exe");
            assertThat(written.lines()).noneMatch(l -> l.startsWith("00:00:00.000 ERROR"));
            assertThat(written).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202e");
            assertThat(String.join("\n", daemon.lines)).doesNotContain("\u001b").contains("boom\\n00:00:00.000");
            raw.close();
            daemon.terminate();
        }
    }

    private static boolean screenHas(StringBuilder screen, String text) {
        synchronized (screen) {
            return screen.indexOf(text) >= 0;
        }
    }
}
