package io.imbot.core.cli;

import io.imbot.core.config.ConfigException;
import io.imbot.core.config.ImbotConfig;
import io.imbot.core.plugin.PluginInfo;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code imbot plugins}: what the running daemon loaded. */
@Command(name = "plugins", description = "List the plugins the running daemon loaded, and their state.")
final class PluginsCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        ImbotConfig cfg;
        try {
            cfg = config.load();
        } catch (ConfigException e) {
            System.err.println("imbot: " + e.getMessage());
            return Main.USAGE;
        }
        JsonObject answer;
        try {
            answer = new AdminClient(cfg).get("/api/plugins");
        } catch (AdminClient.AdminException e) {
            System.err.println("imbot: " + e.getMessage());
            return e.unreachable ? Main.UNREACHABLE : Main.FAILED;
        }
        var plugins = answer.getJsonArray("plugins");
        if (plugins.isEmpty()) {
            System.out.println("(no plugins loaded; drop plugin jars into " + cfg.plugins().dir() + ")");
        }
        for (Object o : plugins) {
            PluginInfo p = PluginInfo.fromJson((JsonObject) o);
            System.out.printf("%-16s %-14s %-9s bots: %s; calls %d, failures %d, timeouts %d%n", p.id(), p.version(), p.state(),
                    p.bots().isEmpty() ? "-" : String.join(", ", p.bots()), p.calls(), p.failures(), p.timeouts());
            if (!p.lastError().isEmpty()) {
                System.out.println("    last error: " + p.lastError());
            }
        }
        return 0;
    }
}
