package io.imbot.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary folder a tester made for itself, with {@code conf/} and {@code data/} inside. */
final class TempRoot {

    private final Path root;

    private TempRoot(Path root) {
        this.root = root;
    }

    static TempRoot create() {
        try {
            Path root = Files.createTempDirectory("imbot-testkit-");
            Files.createDirectories(root.resolve("conf"));
            return new TempRoot(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the tester", e);
        }
    }

    Path conf() {
        return root.resolve("conf");
    }

    Path data() {
        return root.resolve("data");
    }

    /** Deletes the folder and everything in it; best effort. */
    void delete() {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover temporary folder harms no test.
        }
    }
}
