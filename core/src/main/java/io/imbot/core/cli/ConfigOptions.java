package io.imbot.core.cli;

import io.imbot.core.config.ConfigException;
import io.imbot.core.config.ConfigLoader;
import io.imbot.core.config.ImbotConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config} option shared by every command. */
final class ConfigOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: $IMBOT_HOME/conf/imbot.yaml, else built-in defaults).")
    Path file;

    /** Loads the configuration the command should use. */
    ImbotConfig load() throws ConfigException {
        Path home = Home.resolve();
        Path chosen = file;
        if (chosen == null) {
            Path shipped = home.resolve("conf").resolve("imbot.yaml");
            chosen = Files.isRegularFile(shipped) ? shipped : null;
        }
        return new ConfigLoader().load(home, chosen);
    }
}
