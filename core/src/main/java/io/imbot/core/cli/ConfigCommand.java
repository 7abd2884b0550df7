package io.imbot.core.cli;

import io.imbot.core.config.ImbotConfig;
import io.imbot.core.daemon.ConfigCheck;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code imbot config check}: the configuration, connections and bots' rules, checked without starting anything. */
@Command(name = "config", description = "Work with the configuration.", subcommands = ConfigCommand.Check.class)
final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec; // the command as the user reached it: its usage names it "imbot ..."

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "check", description = {"Check imbot.yaml (with IMBOT_* overrides), the plugins, each connection's settings and"
            + " each bot's configuration (such as the auto-reply rules) without starting the daemon or connecting anywhere.",
            "Exit status: 0 all good, 2 a problem (each printed on its own line)."})
    static final class Check implements Callable<Integer> {

        @Mixin
        ConfigOptions config;

        @Override
        public Integer call() throws Exception {
            ImbotConfig cfg = config.load(); // a bad imbot.yaml stops here: one line, exit status 2
            Vertx vertx = Vertx.vertx();
            List<String> problems;
            try {
                problems = ConfigCheck.run(cfg, vertx);
            } finally {
                vertx.close();
            }
            String source = cfg.configFile() == null ? "the built-in defaults" : cfg.configFile().toString();
            if (problems.isEmpty()) {
                System.out.println("configuration OK: " + source + ", " + cfg.connections().size() + " connection(s), plugins in "
                        + cfg.plugins().dir());
                return 0;
            }
            problems.forEach(p -> System.err.println("imbot: " + Formats.printable(p)));
            System.err.println("imbot: " + problems.size() + " problem(s) in the configuration from " + source);
            return Main.USAGE;
        }
    }
}
