package io.imbot.core.cli;

import io.imbot.core.config.ImbotConfig;
import io.imbot.core.plugin.PluginInfo;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code imbot status}: whether the daemon runs from this imbot folder, and if so its version,
 * connections, queue and plugins. The exit status is for scripts and service checks.
 */
@Command(name = "status", description = {"Show whether the daemon runs, its connections, queue and plugins.",
        "Exit status: 0 running and ready, 1 running but not ready (a connection down, the database not answering,",
        "or the admin API unreachable), 3 not running."})
final class StatusCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        ImbotConfig cfg = config.load();
        Optional<ProcessHandle> daemon = PidFile.of(cfg).runningOrSayNot();
        if (daemon.isEmpty()) {
            return Main.UNREACHABLE;
        }
        long pid = daemon.get().pid();
        if (!cfg.admin().enabled()) {
            System.out.println("imbot is running (pid " + pid + "); the admin API is off (admin.enabled: false), so nothing more is known");
            return 0;
        }
        JsonObject status;
        JsonArray plugins;
        try {
            AdminClient admin = new AdminClient(cfg);
            status = admin.get("/api/status");
            plugins = admin.get("/api/plugins").getJsonArray("plugins");
        } catch (AdminClient.AdminException e) {
            System.out.println("imbot is running (pid " + pid + ") but its admin API does not answer: " + e.getMessage());
            return Main.FAILED;
        }
        boolean ready = status.getBoolean("ready", false);
        print(status, plugins, ready);
        return ready ? 0 : Main.FAILED;
    }

    private static void print(JsonObject s, JsonArray plugins, boolean ready) {
        System.out.printf("imbot %s is running (pid %d), up %s, %s%n", s.getString("version"), s.getLong("pid"),
                Formats.duration(Duration.ofMillis(s.getLong("uptimeMs"))), ready ? "ready" : "NOT READY");
        System.out.println("  java " + s.getString("java") + "; database " + s.getString("database"));
        System.out.println("connections:");
        for (Object o : s.getJsonArray("connections")) {
            JsonObject c = (JsonObject) o;
            String problem = c.getString("problem", "");
            System.out.printf("  %-12s %-5s %s (%s)%s%n", Formats.printable(c.getString("name")), c.getBoolean("up") ? "up" : "DOWN",
                    Formats.printable(c.getString("via")), c.getString("guarantee"),
                    c.getBoolean("up") || problem == null || problem.isEmpty() ? "" : ": " + Formats.printable(problem));
        }
        System.out.printf("messages: %d pending, %d in flight; %d acknowledged, %d sent unconfirmed, %d timed out, %d failed; %d received%n",
                s.getLong("pending"), s.getLong("inFlight"), s.getLong("acknowledged"), s.getLong("sentUnconfirmed"), s.getLong("timedOut"),
                s.getLong("failed"), s.getLong("received"));
        System.out.println("plugins:" + (plugins.isEmpty() ? " none" : ""));
        for (Object o : plugins) {
            PluginInfo p = PluginInfo.fromJson((JsonObject) o);
            System.out.printf("  %-16s %-14s %s%n", Formats.printable(p.id()), Formats.printable(p.version()), p.state());
        }
    }
}
