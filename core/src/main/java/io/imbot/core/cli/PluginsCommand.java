package io.imbot.core.cli;

import io.imbot.core.config.ImbotConfig;
import io.imbot.core.plugin.PluginInfo;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code imbot plugins [list|reload|enable|disable NAME]}: the running daemon's plugins. */
@Command(name = "plugins", description = "List the running daemon's plugins, or act on one:%n"
        + "  imbot plugins                 list them, with state and counters%n"
        + "  imbot plugins reload NAME     reload NAME from its jar%n"
        + "  imbot plugins disable NAME    stop NAME's bots until enabled again, also across restarts%n"
        + "  imbot plugins enable NAME     start a disabled plugin")
final class PluginsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec; // the command as the user reached it: its usage names it "imbot ..."

    enum Action {
        help,
        list,
        reload,
        enable,
        disable
    }

    @Mixin
    ConfigOptions config;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ACTION", description = "list (default), reload, enable, disable or help")
    Action action = Action.list;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "The plugin ID, as listed.")
    String name;

    @Override
    public Integer call() throws Exception {
        if (action == Action.help) {
            spec.commandLine().usage(System.out);
            return 0;
        }
        ImbotConfig cfg = config.load();
        if (action != Action.list && (name == null || name.isBlank())) {
            System.err.println("imbot: plugins " + action + " needs the plugin's ID (see 'imbot plugins')");
            return Main.USAGE;
        }
        AdminClient admin = new AdminClient(cfg);
        if (action == Action.list) {
            print(admin.get("/api/plugins"), cfg);
        } else {
            System.out.println(admin.post("/api/plugins/" + name + "/" + action, new JsonObject()).getString("result"));
        }
        return 0;
    }

    private static void print(JsonObject answer, ImbotConfig cfg) {
        var plugins = answer.getJsonArray("plugins");
        if (plugins.isEmpty()) {
            System.out.println("(no plugins loaded; drop plugin jars into " + cfg.plugins().dir() + ")");
        }
        for (Object o : plugins) {
            PluginInfo p = PluginInfo.fromJson((JsonObject) o);
            // plugin IDs, versions, bot names and errors come from plugin code: printed as Formats.printable
            System.out.printf("%-16s %-14s %-9s bots: %s; messages %d, failures %d, timeouts %d%n", Formats.printable(p.id()),
                    Formats.printable(p.version()), p.state(), p.bots().isEmpty() ? "-" : Formats.printable(String.join(", ", p.bots())),
                    p.messages(), p.failures(), p.timeouts());
            if (!p.lastError().isEmpty()) {
                System.out.println("    last error: " + Formats.printable(p.lastError()));
            }
        }
    }
}
