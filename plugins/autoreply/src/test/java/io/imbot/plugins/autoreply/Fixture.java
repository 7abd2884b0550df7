package io.imbot.plugins.autoreply;

import io.imbot.testkit.BotTester;
import io.imbot.testkit.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Starts an {@link AutoReplyBot} on a rules file written into a test's folder. */
final class Fixture {

    private Fixture() {}

    /** Writes {@code yaml} to {@code dir/autoreply.yaml} and starts a bot on it at the clock's time. */
    static BotTester start(Path dir, ManualClock clock, String yaml) {
        write(dir.resolve("autoreply.yaml"), yaml);
        return BotTester.of(new AutoReplyBot(new SplittableRandom(42)))
                .pluginId("autoreply")
                .configDir(dir)
                .clock(clock)
                .start();
    }

    /** As {@link #start(Path, ManualClock, String)} with a UTC clock at Monday 2024-01-01 12:00. */
    static BotTester start(Path dir, String yaml) {
        return start(dir, new ManualClock(), yaml);
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
