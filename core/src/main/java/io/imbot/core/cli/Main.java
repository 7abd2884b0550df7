package io.imbot.core.cli;

import io.imbot.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code imbot} command line. */
@Command(
        name = "imbot",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT, // --help and --version on every command
        versionProvider = Version.class,
        description = "A headless, plugin-extensible IM bot daemon that never loses a message.",
        subcommands = {
            RunCommand.class,
            StatusCommand.class,
            StopCommand.class,
            ConfigCommand.class,
            BackupCommand.class,
            ReloadCommand.class,
            ServerCommand.class,
            SendCommand.class,
            ChatCommand.class,
            HistoryCommand.class,
            ConversationsCommand.class,
            PluginsCommand.class,
            RulesCommand.class,
            TokenCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    /** Exit status: a message was not acknowledged, or a request failed. */
    public static final int FAILED = 1;
    /** Exit status: bad usage or configuration. */
    public static final int USAGE = 2;
    /** Exit status: nothing answered (no server, no daemon). */
    public static final int UNREACHABLE = 3;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        chooseLogging(args);
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status (for tests). */
    public static int execute(String... args) {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::explain)
                .execute(args);
    }

    /** Problems the user can act on become one line on stderr and an exit status, not a stack trace. */
    private static int explain(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof ConfigException) {
            cmd.getErr().println("imbot: " + e.getMessage());
            return USAGE;
        }
        if (e instanceof AdminClient.AdminException a) {
            cmd.getErr().println("imbot: " + a.getMessage());
            return a.unreachable ? UNREACHABLE : FAILED;
        }
        throw e;
    }

    /** The daemon and server log to console and file; the client commands only print warnings. */
    private static void chooseLogging(String[] args) {
        if (System.getProperty("logback.configurationFile") != null) {
            return;
        }
        boolean service = args.length > 0 && (args[0].equals("run") || args[0].equals("server"));
        Path conf = Home.resolve().resolve("conf").resolve(service ? "logback.xml" : "logback-cli.xml");
        if (Files.isRegularFile(conf)) {
            System.setProperty("logback.configurationFile", conf.toString());
        }
    }
}
