package io.imbot.core.cli;

import io.imbot.core.config.ImbotConfig;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code imbot rules test}: which rules would fire for a message, without sending anything. */
@Command(name = "rules", description = "Work with the bots' rules.", subcommands = RulesCommand.Test.class)
final class RulesCommand implements Runnable {

    @Spec
    CommandSpec spec; // the command as the user reached it: its usage names it "imbot ..."

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "test", description = "Show which rules would fire for a message, in order, why, and their replies. Sends nothing.")
    static final class Test implements Callable<Integer> {

        @Mixin
        ConfigOptions config;

        @Option(names = {"-u", "--user"}, required = true, paramLabel = "NAME", description = "Pretend the message comes from this user.")
        String user;

        @Option(names = "--text", required = true, paramLabel = "TEXT", description = "The message text.")
        String text;

        @Option(names = "--room", paramLabel = "#ROOM", description = "Pretend it was said in this room instead of a direct message.")
        String room;

        @Override
        public Integer call() throws Exception {
            ImbotConfig cfg = config.load();
            JsonObject request = new JsonObject().put("user", user).put("text", text);
            if (room != null) {
                request.put("room", room);
            }
            JsonObject answer = new AdminClient(cfg).post("/api/rules/test", request);
            var matches = answer.getJsonArray("matches");
            if (matches.isEmpty()) {
                System.out.println("no rule would fire");
            }
            int n = 0;
            for (Object o : matches) {
                JsonObject m = (JsonObject) o;
                boolean skipped = m.getBoolean("skipped", false);
                System.out.printf("%d. rule '%s' of %s (plugin %s)%s%n   why: %s%n   reply: %s%s%n", ++n, Formats.printable(m.getString("rule")),
                        Formats.printable(m.getString("bot")), Formats.printable(m.getString("plugin")),
                        skipped ? ", SKIPPED: an earlier match stops the message" : "", Formats.printable(m.getString("why")),
                        m.getString("reply").isEmpty() ? "(none)" : Formats.printable(m.getString("reply")),
                        m.getBoolean("stops", false) && !skipped ? "\n   stops: later rules and bots are skipped" : "");
            }
            return 0;
        }
    }
}
