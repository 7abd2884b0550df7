package io.imbot.core.cli;

import io.imbot.core.config.ImbotConfig;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code imbot reload}: the running daemon reads its configuration again (as on SIGHUP) and applies what it can live. */
@Command(name = "reload", description = {"Have the running daemon read imbot.yaml again (the same as SIGHUP) and apply what can change"
        + " live: plugins.config (the changed plugins' bots restart) and plugins.replyRate. Other changes are listed as needing a"
        + " restart. Log levels: edit conf/logback.xml, which is read again within 30 s.",
        "Exit status: 0 reloaded, 2 the configuration has an error (nothing changed), 3 not running."})
final class ReloadCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        ImbotConfig cfg = config.load(); // a file that does not load here would not load in the daemon either
        JsonObject answer = new AdminClient(cfg).post("/api/reload", new JsonObject());
        var applied = answer.getJsonArray("applied");
        var restart = answer.getJsonArray("needsRestart");
        System.out.println(applied.isEmpty() ? "nothing to apply" : "applied:");
        applied.forEach(line -> System.out.println("  " + Formats.printable(String.valueOf(line))));
        if (!restart.isEmpty()) {
            System.out.println("changed, but applied only by a restart: " + String.join(", ", restart.stream().map(String::valueOf).toList()));
        }
        return 0;
    }
}
