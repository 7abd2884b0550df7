package io.imbot.core.plugin;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.DeliveryStatus;
import io.imbot.core.client.ChatClient;
import io.imbot.core.plugin.testbots.BlockingBot;
import io.imbot.core.plugin.testbots.ClaimingBot;
import io.imbot.core.plugin.testbots.CountingBot;
import io.imbot.core.plugin.testbots.EchoBot;
import io.imbot.core.plugin.testbots.OperatorBot;
import io.imbot.core.plugin.testbots.SelfTalkBot;
import io.imbot.core.plugin.testbots.StuckBot;
import io.imbot.core.plugin.testbots.ThrowingBot;
import io.imbot.core.testing.Await;
import io.imbot.core.testing.DaemonFixture;
import io.imbot.core.testing.TestPlugins;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The plugin host with real plugin jars, a real daemon and a person talking to it over TCP. */
@ExtendWith(VertxExtension.class)
class PluginHostTest {

    @TempDir
    Path home;

    private static PluginInfo plugin(DaemonFixture f, String id) {
        return await(pluginHost(f).plugins()).stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private static PluginHost pluginHost(DaemonFixture f) {
        return f.daemon.plugins();
    }

    @Test
    void onMessage_throwingBotRunsFirst_echoBotStillAnswersAndFailureIsCounted(Vertx vertx) throws Exception {
        TestPlugins.jar(home.resolve("plugins"), "thrower", ThrowingBot.class);
        TestPlugins.jar(home.resolve("plugins"), "echo", EchoBot.class);
        try (DaemonFixture f = DaemonFixture.start(vertx, home)) {
            ChatClient alice = f.login("alice");

            assertThat(await(alice.send("bot", "hello")).status()).isEqualTo(DeliveryStatus.ACKNOWLEDGED);

            assertThat(f.nextReply(10).body()).isEqualTo("echo: hello");
            PluginInfo thrower = plugin(f, "thrower");
            assertThat(thrower.state()).isEqualTo("STARTED");
            assertThat(thrower.failures()).isEqualTo(1);
            assertThat(thrower.lastError()).contains("boom on hello");
        }
    }

    @Test
    void onMessage_botBlocksForever_othersAnswerAndTimeoutIsReported(Vertx vertx) throws Exception {
        TestPlugins.jar(home.resolve("plugins"), "blocker", BlockingBot.class);
        TestPlugins.jar(home.resolve("plugins"), "echo", EchoBot.class);
        try (DaemonFixture f = DaemonFixture.start(vertx, home, "imbot.plugins.callTimeout", "200ms")) {
            ChatClient alice = f.login("alice");

            await(alice.send("bot", "block"));
            await(alice.send("bot", "after"));

            assertThat(f.repliesUntil("echo: after", 10)).containsExactly("echo: block", "echo: after");
            assertThat(plugin(f, "blocker").timeouts()).isEqualTo(1);
        }
    }

    @Test
    void onMessage_botIgnoresInterruptsThreeTimes_pluginDisabledAndOthersAnswer(Vertx vertx) throws Exception {
        TestPlugins.jar(home.resolve("plugins"), "stuck", StuckBot.class);
        TestPlugins.jar(home.resolve("plugins"), "echo", EchoBot.class);
        try (DaemonFixture f = DaemonFixture.start(vertx, home, "imbot.plugins.callTimeout", "200ms",
                "imbot.plugins.maxConsecutiveFailures", "100")) {
            ChatClient alice = f.login("alice");
            for (int i = 0; i < 3; i++) {
                await(alice.send("bot", "stuck"));
            }
            await(alice.send("bot", "after"));

            assertThat(f.repliesUntil("echo: after", 20)).containsExactly("echo: stuck", "echo: stuck", "echo: stuck", "echo: after");
            PluginInfo stuck = plugin(f, "stuck");
            assertThat(stuck.state()).isEqualTo("DISABLED");
            assertThat(stuck.lastError()).contains("3 threads stuck");
            assertThat(stuck.timeouts()).isEqualTo(3);
        }
    }

    @Test
    void onMessage_botBlocksButHonoursInterrupts_staysEnabled(Vertx vertx) throws Exception {
        TestPlugins.jar(home.resolve("plugins"), "blocker", BlockingBot.class);
        try (DaemonFixture f = DaemonFixture.start(vertx, home, "imbot.plugins.callTimeout", "200ms",
                "imbot.plugins.maxConsecutiveFailures", "100")) {
            ChatClient alice = f.login("alice");
            for (int i = 0; i < 4; i++) {
                await(alice.send("bot", "block"));
            }
            await(Await.untilAsync(vertx, 20, () -> pluginHost(f).plugins()
                    .map(all -> all.stream().anyMatch(p -> p.id().equals("blocker") && p.timeouts() == 4))));

            assertThat(plugin(f, "blocker").state()).isEqualTo("STARTED");
        }
    }

    @Test
    void start_pluginsFolderUnderAFile_failsNamingTheFolderAndWhy(Vertx vertx) throws Exception {
        java.nio.file.Files.writeString(home.resolve("blocker"), "a file, not a folder");

        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() ->
                DaemonFixture.start(vertx, home, "imbot.plugins.dir", "blocker/plugins").close());

        assertThat(failure).hasMessageContaining("cannot create the plugins folder").hasMessageContaining("Not a directory");
    }

    @Test
    void onMessage_higherPriorityBotMarksHandled_lowerBotNeverSeesIt(Vertx vertx) throws Exception {
        TestPlugins.jar(home.resolve("plugins"), "claimer", ClaimingBot.class);
        TestPlugins.jar(home.resolve("plugins"), "echo", EchoBot.class);
        try (DaemonFixture f = DaemonFixture.start(vertx, home)) {
            ChatClient alice = f.login("alice");

            await(alice.send("bot", "mine"));
            await(alice.send("bot", "yours"));

            List<String> replies = f.repliesUntil("echo: yours", 10);
            assertThat(replies).contains("claimed").doesNotContain("echo: mine");
        }
    }

    @Test
    void onMessage_botKeepsFailing_pluginDisabledAndOthersGoOn(Vertx vertx) throws Exception {
        TestPlugins.jar(home.resolve("plugins"), "thrower", ThrowingBot.class);
        TestPlugins.jar(home.resolve("plugins"), "echo", EchoBot.class);
        try (DaemonFixture f = DaemonFixture.start(vertx, home, "imbot.plugins.maxConsecutiveFailures", "2")) {
            ChatClient alice = f.login("alice");

            for (String text : List.of("one", "two", "three")) {
                await(alice.send("bot", text));
            }

            // A message the disabled bot no longer delays may overtake one it failed on: any order.
            List<String> replies = List.of(f.nextReply(10).body(), f.nextReply(10).body(), f.nextReply(10).body());
            assertThat(replies).containsExactlyInAnyOrder("echo: one", "echo: two", "echo: three");
            PluginInfo thrower = plugin(f, "thrower");
            assertThat(thrower.state()).isEqualTo("DISABLED");
            // The third call may already be running when the second failure disables the plugin.
            assertThat(thrower.failures()).isBetween(2L, 3L);
        }
    }

    @Test
    void start_disabledInConfig_pluginListedButSilent(Vertx vertx) throws Exception {
        TestPlugins.jar(home.resolve("plugins"), "claimer", ClaimingBot.class);
        TestPlugins.jar(home.resolve("plugins"), "echo", EchoBot.class);
        try (DaemonFixture f = DaemonFixture.start(vertx, home, "imbot.plugins.disabled", "claimer")) {
            ChatClient alice = f.login("alice");

            await(alice.send("bot", "mine"));

            assertThat(f.nextReply(10).body()).isEqualTo("echo: mine");
            assertThat(plugin(f, "claimer").state()).isEqualTo("DISABLED");
        }
    }

    private static io.vertx.core.Future<Boolean> hasPlugin(DaemonFixture f, String id, String state) {
        return f.daemon.plugins().plugins().map(list -> list.stream().anyMatch(p -> p.id().equals(id) && p.state().equals(state)));
    }

    @Test
    void watch_jarDroppedWhileRunning_loadedAndAnswersWithoutRestart(Vertx vertx) throws Exception {
        try (DaemonFixture f = DaemonFixture.start(vertx, home, "imbot.plugins.watchInterval", "100ms")) {
            ChatClient alice = f.login("alice");

            TestPlugins.jar(home.resolve("plugins"), "echo", EchoBot.class);
            await(io.imbot.core.testing.Await.untilAsync(vertx, 10, () -> hasPlugin(f, "echo", "STARTED")));
            await(alice.send("bot", "are you new?"));

            assertThat(f.nextReply(10).body()).isEqualTo("echo: are you new?");
        }
    }

    @Test
    void watch_jarReplacedThenRemoved_reloadedWithNewCodeThenUnloaded(Vertx vertx) throws Exception {
        TestPlugins.jar(home.resolve("plugins"), "echo", EchoBot.class);
        try (DaemonFixture f = DaemonFixture.start(vertx, home, "imbot.plugins.watchInterval", "100ms")) {
            ChatClient alice = f.login("alice");

            TestPlugins.jar(home.resolve("plugins"), "echo", ClaimingBot.class); // same plugin ID, new code
            await(io.imbot.core.testing.Await.untilAsync(vertx, 10, () -> f.daemon.plugins().plugins()
                    .map(list -> list.stream().anyMatch(p -> p.id().equals("echo") && p.bots().equals(List.of("ClaimingBot"))))));
            await(alice.send("bot", "mine"));
            assertThat(f.nextReply(10).body()).isEqualTo("claimed");

            java.nio.file.Files.delete(home.resolve("plugins/echo.jar"));
            await(io.imbot.core.testing.Await.untilAsync(vertx, 10, () -> f.daemon.plugins().plugins()
                    .map(list -> list.stream().noneMatch(p -> p.id().equals("echo")))));
        }
    }

    /** What the plugin list shows for {@code id}: version and state of each entry, the running one first. */
    private static Future<List<String>> versionsOf(DaemonFixture f, String id) {
        return f.daemon.plugins().plugins().map(list -> list.stream().filter(p -> p.id().equals(id))
                .map(p -> p.version() + " " + p.state()).toList());
    }

    @Test
    void watch_newerVersionUnderAnotherFileName_replacesTheOlder_olderOnesIgnoredAndListed_removingTheNewestBringsBackTheNext(
            Vertx vertx) throws Exception {
        Path plugins = home.resolve("plugins");
        TestPlugins.jar(plugins, "dice-1.0.0.jar", "dice", "1.0.0", EchoBot.class);
        TestPlugins.jar(plugins, "dice-0.9.0.jar", "dice", "0.9.0", ThrowingBot.class);
        try (DaemonFixture f = DaemonFixture.start(vertx, home, "imbot.plugins.watchInterval", "100ms")) {
            ChatClient alice = f.login("alice");
            assertThat(await(versionsOf(f, "dice"))).as("at start the newest of the two").containsExactly("1.0.0 STARTED", "0.9.0 IGNORED");

            TestPlugins.jar(plugins, "dice-1.1.0.jar", "dice", "1.1.0", ClaimingBot.class);
            await(Await.untilAsync(vertx, 10, () -> versionsOf(f, "dice").map(v -> v.contains("1.1.0 STARTED"))));
            await(alice.send("bot", "mine"));
            assertThat(f.nextReply(10).body()).isEqualTo("claimed");
            assertThat(await(versionsOf(f, "dice"))).containsExactlyInAnyOrder("1.1.0 STARTED", "1.0.0 IGNORED", "0.9.0 IGNORED");
            assertThat(plugin(f, "dice").state()).isEqualTo("STARTED");
            assertThat(await(f.daemon.plugins().plugins())).filteredOn(p -> p.version().equals("1.0.0")).singleElement()
                    .extracting(PluginInfo::lastError).asString().contains("dice 1.1.0 from dice-1.1.0.jar is loaded");

            Files.delete(plugins.resolve("dice-1.1.0.jar"));
            await(Await.untilAsync(vertx, 10, () -> versionsOf(f, "dice").map(v -> v.contains("1.0.0 STARTED"))));
            await(alice.send("bot", "roll again"));
            assertThat(f.nextReply(10).body()).isEqualTo("echo: roll again");

            Files.delete(plugins.resolve("dice-0.9.0.jar"));
            await(Await.untilAsync(vertx, 10, () -> versionsOf(f, "dice").map(v -> v.equals(List.of("1.0.0 STARTED")))));
        }
    }

    @Test
    void fromOperator_namedInPluginsOperators_trueForThemOnly(Vertx vertx) throws Exception {
        TestPlugins.jar(home.resolve("plugins"), "who", OperatorBot.class);
        try (DaemonFixture f = DaemonFixture.start(vertx, home, "imbot.plugins.operators", "alice, other/bob")) {
            ChatClient alice = f.login("alice");
            await(alice.send("bot", "am I?"));
            assertThat(f.nextReply(10).body()).isEqualTo("operator");
            ChatClient bob = f.login("bob");
            await(bob.send("bot", "am I?"));
            assertThat(f.nextReply(10).body()).as("bob is an operator on another connection only").isEqualTo("not an operator");
        }
    }

    @Test
    void store_aBotCountsPerSender_theCountOutlivesARestart(Vertx vertx) throws Exception {
        TestPlugins.jar(home.resolve("plugins"), "counter", CountingBot.class);
        String[] fileDatabase = {"imbot.database.url", "jdbc:hsqldb:file:" + home.resolve("data/imbot")};
        try (DaemonFixture f = DaemonFixture.start(vertx, home, fileDatabase)) {
            ChatClient alice = f.login("alice");
            await(alice.send("bot", "one"));
            assertThat(f.nextReply(10).body()).isEqualTo("message 1 from you");
            await(alice.send("bot", "two"));
            assertThat(f.nextReply(10).body()).isEqualTo("message 2 from you");
        }
        try (DaemonFixture f = DaemonFixture.start(vertx, home, fileDatabase)) {
            ChatClient alice = f.login("alice");
            await(alice.send("bot", "three"));
            assertThat(f.nextReply(10).body()).isEqualTo("message 3 from you");
            assertThat(await(Future.fromCompletionStage(f.daemon.history().pluginStore("counter").get("count/alice")))).contains("3");
        }
    }

    @Test
    void disableThenEnable_operatorActions_botStopsThenAnswersAgain_theDisableOutlivesARestart(Vertx vertx) throws Exception {
        TestPlugins.jar(home.resolve("plugins"), "claimer", ClaimingBot.class);
        TestPlugins.jar(home.resolve("plugins"), "echo", EchoBot.class);
        java.nio.file.Path state = home.resolve("data/plugins-disabled.txt");
        try (DaemonFixture f = DaemonFixture.start(vertx, home)) {
            ChatClient alice = f.login("alice");

            assertThat(await(f.daemon.plugins().disable("claimer"))).startsWith("disabled claimer").contains("also after a restart");
            await(alice.send("bot", "mine"));
            assertThat(f.nextReply(10).body()).isEqualTo("echo: mine");
        }
        assertThat(state).content().containsPattern("(?m)^claimer$");

        try (DaemonFixture f = DaemonFixture.start(vertx, home)) {
            ChatClient alice = f.login("alice");
            assertThat(await(f.daemon.plugins().plugins())).filteredOn(p -> p.id().equals("claimer"))
                    .singleElement().extracting(PluginInfo::state).isEqualTo("DISABLED");
            await(alice.send("bot", "still mine?"));
            assertThat(f.nextReply(10).body()).isEqualTo("echo: still mine?");

            assertThat(await(f.daemon.plugins().enable("claimer"))).isEqualTo("enabled claimer");
            await(alice.send("bot", "mine"));
            assertThat(f.nextReply(10).body()).isEqualTo("claimed");
            assertThat(await(f.daemon.plugins().reload("claimer"))).startsWith("reloaded claimer");
            assertThat(await(f.daemon.plugins().disable("nope").recover(e -> io.vertx.core.Future.succeededFuture(e.getMessage()))))
                    .isEqualTo("no plugin with ID 'nope'");
        }
        assertThat(state).content().doesNotContainPattern("(?m)^claimer$");
    }

    @Test
    void start_zipPlugin_loadedAndAnswers(Vertx vertx) throws Exception {
        TestPlugins.zip(home.resolve("plugins"), "zipped", EchoBot.class);
        try (DaemonFixture f = DaemonFixture.start(vertx, home)) {
            ChatClient alice = f.login("alice");

            await(alice.send("bot", "from a zip"));

            assertThat(f.nextReply(10).body()).isEqualTo("echo: from a zip");
            assertThat(plugin(f, "zipped").version()).isEqualTo("2.0.0");
        }
    }

    @Test
    void dispatch_messageFromTheBotItself_noBotSeesIt(Vertx vertx) throws Exception {
        TestPlugins.jar(home.resolve("plugins"), "selftalk", SelfTalkBot.class);
        TestPlugins.jar(home.resolve("plugins"), "echo", EchoBot.class);
        try (DaemonFixture f = DaemonFixture.start(vertx, home)) {
            ChatClient alice = f.login("alice");

            await(alice.send("bot", "talk to yourself"));
            assertThat(f.nextReply(10).body()).isEqualTo("done");
            await(alice.send("bot", "ping"));
            assertThat(f.nextReply(10).body()).isEqualTo("echo: ping");

            // The bot's "hello me" reached the daemon before "ping"; had it been dispatched, echo would have seen it.
            assertThat(plugin(f, "echo").messages()).isEqualTo(1);
            assertThat(await(f.daemon.plugins().plugins()).stream().filter(p -> p.id().equals("selftalk")).findFirst().orElseThrow()
                    .messages()).isEqualTo(2);
        }
    }
}
