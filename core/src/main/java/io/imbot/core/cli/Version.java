package io.imbot.core.cli;

import io.imbot.core.daemon.Daemon;
import picocli.CommandLine;

/** The version printed by {@code imbot --version}. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"imbot " + Daemon.version(), "Java " + System.getProperty("java.version")};
    }
}
