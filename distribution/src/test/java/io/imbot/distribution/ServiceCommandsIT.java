package io.imbot.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator or a service manager uses around the daemon: {@code imbot status}, {@code imbot stop}, the pid file. */
class ServiceCommandsIT {

    @TempDir
    Path install;

    @TempDir
    Path elsewhere;

    private Launcher imbot;

    @BeforeEach
    void installDistribution() throws Exception {
        imbot = Launcher.install(install);
        imbot.env.put("IMBOT_SERVER_PORT", String.valueOf(Launcher.freePort()));
        imbot.env.put("IMBOT_ADMIN_PORT", String.valueOf(Launcher.freePort()));
    }

    @Test
    void statusAndStop_notRunning_runningAndReady_secondRunRefused_stopWaitsForTheExit() throws Exception {
        Launcher.Result before = imbot.run(elsewhere, "status");
        assertThat(before.exit()).as(before.out() + before.err()).isEqualTo(3);
        assertThat(before.out()).contains("imbot is not running");

        try (Launcher.Daemon daemon = imbot.daemon(elsewhere)) {
            daemon.awaitReady();
            long pid = daemon.process.pid();
            assertThat(install.resolve("data/imbot.pid")).content().isEqualToIgnoringNewLines(String.valueOf(pid));

            Launcher.Result status = imbot.run(elsewhere, "status");
            assertThat(status.exit()).as(status.out() + status.err()).isZero();
            assertThat(status.out()).contains("is running (pid " + pid + ")").contains("ready")
                    .containsPattern("main\\s+up\\s+tcp://127.0.0.1:\\d+ as bot \\(PER_MESSAGE_ACK\\)")
                    .containsPattern("autoreply\\s+\\S+\\s+STARTED")
                    .contains("0 pending");

            assertThat(imbot.run(elsewhere, "send", "--user", "alice", "--to", "bot", "--text", "ping", "--wait-reply", "10").out())
                    .contains("bot: pong"); // a bot call and an ACK, so their meters exist
            String scrape = imbot.adminRequest("/metrics", null, false).body();
            String dashboard = Files.readString(install.resolve("service/grafana-dashboard.json"));
            Matcher names = Pattern.compile("imbot_[a-z_]+").matcher(dashboard);
            int checked = 0;
            while (names.find()) {
                if (names.group().equals("imbot_messages_failed_total")) {
                    continue; // one series per reason, made with the first failure of that reason
                }
                assertThat(scrape).as("the sample dashboard's %s is exported", names.group()).containsPattern("(?m)^" + names.group() + "[ {]");
                checked++;
            }
            assertThat(checked).isGreaterThan(10);

            Launcher.Result second = imbot.run(elsewhere, "run");
            assertThat(second.exit()).as(second.out() + second.err()).isEqualTo(2);
            assertThat(second.err()).contains("imbot already runs from").contains("pid " + pid).contains("imbot stop");

            Launcher.Result stop = imbot.run(elsewhere, "stop");
            assertThat(stop.exit()).as(stop.out() + stop.err()).isZero();
            assertThat(stop.out()).contains("stopping imbot (pid " + pid + ")").contains("imbot stopped");
            assertThat(daemon.process.waitFor(0, TimeUnit.SECONDS)).as("stop returned once the process was gone").isTrue();
            assertThat(daemon.process.exitValue()).isIn(0, 143);
            Launcher.until(10, "the daemon's output drained", () -> daemon.output().contains("imbot stopped cleanly"));
        }
        assertThat(install.resolve("data/imbot.pid")).doesNotExist();
        Launcher.Result again = imbot.run(elsewhere, "stop");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("imbot is not running");
    }

    @Test
    void status_aConnectionDown_exitOneNamingItsProblem_staleOrForeignPidFilesCountAsNotRunning() throws Exception {
        int nobody = Launcher.freePort();
        Files.writeString(install.resolve("conf/imbot.yaml"), Files.readString(install.resolve("conf/imbot.yaml")) + """

                connections:
                  - name: local
                    url: embedded
                    user: bot
                  - name: away
                    url: tcp://127.0.0.1:%d
                    user: bot
                    token: secret
                """.formatted(nobody));
        try (Launcher.Daemon daemon = imbot.daemon(elsewhere)) {
            daemon.awaitReady();

            Launcher.Result status = imbot.run(elsewhere, "status");

            assertThat(status.exit()).as(status.out() + status.err()).isEqualTo(1);
            assertThat(status.out()).contains("NOT READY").containsPattern("local\\s+up").containsPattern("away\\s+DOWN\\s+tcp://127.0.0.1:" + nobody)
                    .contains("Connection refused");
            assertThat(daemon.terminate()).isIn(0, 143);
        }

        Files.writeString(install.resolve("data/imbot.pid"), ProcessHandle.current().pid() + "\n"); // alive, but not imbot
        assertThat(imbot.run(elsewhere, "status").exit()).isEqualTo(3);
        Files.writeString(install.resolve("data/imbot.pid"), "not a number\n");
        assertThat(imbot.run(elsewhere, "stop").out()).contains("imbot is not running");
    }

    @Test
    void configCheck_shippedConfiguration_ok_thenEveryProblemListedWithoutStarting() throws Exception {
        Launcher.Result ok = imbot.run(elsewhere, "config", "check");
        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("configuration OK: " + install.resolve("conf/imbot.yaml"));

        Files.writeString(install.resolve("conf/autoreply.yaml"), "version: 1\nrules:\n  - name: broken\n    regex: \"(\"\n    reply: x\n");
        Files.writeString(install.resolve("conf/imbot.yaml"), Files.readString(install.resolve("conf/imbot.yaml")) + """

                connections:
                  - name: local
                    url: embedded
                    user: bot
                  - name: jabber
                    kind: xmpp
                    url: http://127.0.0.1:5222
                    user: bot@localhost
                    token: secret
                  - name: matrix
                    kind: matrix
                    url: https://matrix.example.org
                    user: bot
                """);
        Launcher.Result bad = imbot.run(elsewhere, "config", "check");

        assertThat(bad.exit()).as(bad.out() + bad.err()).isEqualTo(2);
        assertThat(bad.err()).contains("connection 'jabber': connections.jabber.url: expected xmpp://")
                .contains("connection 'matrix': no connector of kind 'matrix' is installed")
                .contains("plugin autoreply: " + install.resolve("conf/autoreply.yaml") + ":4")
                .contains("3 problem(s)");
        assertThat(install.resolve("data/imbot.script")).as("no database was opened").doesNotExist();

        Files.writeString(install.resolve("conf/imbot.yaml"), "delivery:\n  ackTimout: 2s\n");
        Launcher.Result typo = imbot.run(elsewhere, "config", "check");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("delivery.ackTimout: unknown key");
    }

    @Test
    void serviceUnit_pointedAtThisInstall_systemdFindsNoFault() throws Exception {
        Path unit = install.resolve("service/imbot.service");
        String text = Files.readString(unit);
        assertThat(text).contains("ExecStart=/opt/imbot/bin/imbot run").contains("User=imbot").contains("Restart=on-failure")
                .contains("ReadWritePaths=/opt/imbot/data /opt/imbot/logs");
        Path here = elsewhere.resolve("imbot.service");
        Files.writeString(here, text.replace("/opt/imbot", install.toString()));

        Process verify = new ProcessBuilder("systemd-analyze", "verify", here.toString()).redirectErrorStream(true).start();
        String out = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(verify.waitFor()).as(out).isZero();
        assertThat(out).as("no setting systemd ignores or rejects").isEmpty();
    }

    @Test
    void backup_whileRunning_archiveRestoresTheHistory() throws Exception {
        Path folder = elsewhere.resolve("backups");
        Path archive;
        try (Launcher.Daemon daemon = imbot.daemon(elsewhere)) {
            daemon.awaitReady();
            Launcher.Result send = imbot.run(elsewhere, "send", "--user", "alice", "--to", "bot", "--text", "ping", "--wait-reply", "10");
            assertThat(send.out()).as(send.err()).contains("bot: pong");

            Launcher.Result backup = imbot.run(elsewhere, "backup", "--to", folder.toString());

            assertThat(backup.exit()).as(backup.out() + backup.err()).isZero();
            archive = Path.of(backup.out().strip().substring("backup written: ".length()));
            assertThat(archive).exists().hasParent(folder);
            assertThat(archive.getFileName().toString()).startsWith("imbot-").endsWith(".tar.gz");
            Launcher.Result later = imbot.run(elsewhere, "send", "--user", "alice", "--to", "bot", "--text", "after the backup");
            assertThat(later.exit()).as("the daemon works on after a backup: " + later.err()).isZero();
            assertThat(daemon.terminate()).isIn(0, 143);
        }
        try (var files = Files.list(install.resolve("data"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("imbot.")).toList()) {
                Files.delete(f);
            }
        }
        Process untar = new ProcessBuilder("tar", "xzf", archive.toString(), "-C", install.resolve("data").toString())
                .redirectErrorStream(true).start();
        assertThat(untar.waitFor()).as(new String(untar.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();

        Launcher.Result history = imbot.run(elsewhere, "history", "--with", "alice");
        assertThat(history.exit()).as(history.err()).isZero();
        assertThat(history.out()).contains("ping").contains("pong").doesNotContain("after the backup");
    }

    @Test
    void reload_pluginConfigAndReplyRateApplied_otherChangesNamed_sighupToo_brokenFileChangesNothing() throws Exception {
        Path conf = install.resolve("conf/imbot.yaml");
        Files.writeString(install.resolve("conf/other-rules.yaml"), "version: 1\nrules:\n  - name: ping\n    exact: ping\n"
                + "    reply: pong from the other rules\n");
        String shipped = Files.readString(conf);
        try (Launcher.Daemon daemon = imbot.daemon(elsewhere)) {
            daemon.awaitReady();
            assertThat(imbot.run(elsewhere, "send", "--user", "alice", "--to", "bot", "--text", "ping", "--wait-reply", "10").out())
                    .contains("bot: pong");

            Files.writeString(conf, shipped.replace("rules: autoreply.yaml", "rules: other-rules.yaml")
                    .replace("    count: 20", "    count: 50").replace("  ackTimeout: 5s", "  ackTimeout: 7s"));
            Launcher.Result reload = imbot.run(elsewhere, "reload");

            assertThat(reload.exit()).as(reload.out() + reload.err()).isZero();
            assertThat(reload.out()).contains("plugins.replyRate: 50 per 10000 ms")
                    .contains("plugins.config.autoreply: its bots restarted with the new settings")
                    .contains("changed, but applied only by a restart: delivery");
            assertThat(imbot.run(elsewhere, "send", "--user", "alice", "--to", "bot", "--text", "ping", "--wait-reply", "10").out())
                    .contains("bot: pong from the other rules");

            Files.writeString(conf, Files.readString(conf).replace("rules: other-rules.yaml", "rules: autoreply.yaml"));
            new ProcessBuilder("kill", "-HUP", String.valueOf(daemon.process.pid())).start().waitFor();
            Launcher.until(30, "the SIGHUP reload in the log: " + daemon.output(),
                    () -> daemon.output().split("configuration reloaded: applied", -1).length == 3);
            assertThat(imbot.run(elsewhere, "send", "--user", "alice", "--to", "bot", "--text", "ping", "--wait-reply", "10").out())
                    .contains("bot: pong").doesNotContain("other rules");

            Files.writeString(conf, "delivery:\n  ackTimout: 2s\n");
            Launcher.Result broken = imbot.run(elsewhere, "reload");
            assertThat(broken.exit()).isEqualTo(2);
            assertThat(broken.err()).contains("delivery.ackTimout: unknown key");
            new ProcessBuilder("kill", "-HUP", String.valueOf(daemon.process.pid())).start().waitFor();
            Launcher.until(30, "the refused SIGHUP in the log: " + daemon.output(),
                    () -> daemon.output().contains("SIGHUP: the configuration was not reloaded"));
            Files.writeString(conf, shipped);
            assertThat(imbot.run(elsewhere, "status").exit()).as("still running and ready").isZero();
            assertThat(daemon.terminate()).isIn(0, 143);
        }
    }
}
