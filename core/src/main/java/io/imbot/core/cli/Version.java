package io.imbot.core.cli;

import picocli.CommandLine;

/** The version printed by {@code imbot --version}. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"imbot " + (v == null ? "development build" : v), "Java " + System.getProperty("java.version")};
    }
}
