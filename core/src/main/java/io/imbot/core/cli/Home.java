package io.imbot.core.cli;

import java.nio.file.Path;

/** Finds the installation folder: {@code -Dimbot.home}, else {@code IMBOT_HOME}, else the working directory. */
final class Home {

    private Home() {}

    static Path resolve() {
        String home = System.getProperty("imbot.home");
        if (home == null || home.isBlank()) {
            home = System.getenv("IMBOT_HOME");
        }
        return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
    }
}
