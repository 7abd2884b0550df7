package io.imbot.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command answers {@code --help} with its usage and exit status 0, as people try first. */
class HelpTest {

    private static String[] run(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            status = Main.execute(args);
        } finally {
            System.setOut(out);
        }
        return new String[] {String.valueOf(status), buffer.toString(StandardCharsets.UTF_8)};
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "status", "stop", "reload", "backup", "config", "send", "history", "conversations", "plugins", "rules",
        "token", "server"})
    void help_everyCommand_usageAndExitZero(String command) {
        String[] result = run(command, "--help");

        assertThat(result[0]).as(result[1]).isEqualTo("0");
        assertThat(result[1]).contains("Usage: imbot " + command);
    }

    @Test
    void help_nestedAndPluginsHelpAction_usage() {
        for (List<String> args : List.of(List.of("config", "check", "--help"), List.of("rules", "test", "--help"), List.of("plugins", "help"))) {
            String[] result = run(args.toArray(String[]::new));
            assertThat(result[0]).as("%s: %s", args, result[1]).isEqualTo("0");
            assertThat(result[1]).as("%s", args).contains("Usage: imbot " + args.get(0));
        }
    }
}
