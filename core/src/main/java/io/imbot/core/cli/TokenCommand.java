package io.imbot.core.cli;

import io.imbot.core.config.ImbotConfig;
import io.imbot.protocol.Fields;
import io.imbot.server.TokenHash;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code imbot token}: a new login token and the account line the reference server needs for it. */
@Command(name = "token", description = {
    "Make a login token for a user and print it with the line to add to server.login.accounts (or the accounts file).",
    "The server keeps only the line (a salted PBKDF2 hash); the token goes to the client:"
            + " bot.token for the daemon, IMBOT_TOKEN or --token for imbot send and chat."})
final class TokenCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = {"-u", "--user"}, paramLabel = "NAME", description = "The account (default: bot.user).")
    String user;

    @Option(names = "--stdin", description = "Hash the token read from the first line of standard input instead of making one;"
            + " print only the account line.")
    boolean stdin;

    @Override
    public Integer call() throws Exception {
        ImbotConfig cfg = config.load();
        String name = user != null ? user : cfg.bot().user();
        if (!Fields.isUser(name)) {
            System.err.println("imbot: --user: '" + name + "' is not a user name (1-64 letters, digits, '_', '.' or '-')");
            return Main.USAGE;
        }
        PrintStream out = System.out;
        if (stdin) {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                System.err.println("imbot: --stdin: no token on standard input");
                return Main.USAGE;
            }
            out.println(name + ": " + TokenHash.of(line).encoded());
            return 0;
        }
        String token = TokenHash.randomToken();
        out.println("# the token: give it to the client (bot.token for the daemon; IMBOT_TOKEN or --token for imbot send and chat)");
        out.println("token: " + token);
        out.println("# the account: add this line under server.login.accounts in conf/imbot.yaml, or to the accounts file");
        out.println(name + ": " + TokenHash.of(token).encoded());
        return 0;
    }
}
