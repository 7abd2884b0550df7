package io.imbot.core.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Notices plugin files (jars and zips) appearing, changing and disappearing in the plugins folder.
 * A file counts only once its size and time stood still between two scans, so a jar that is still
 * being copied is not loaded half-written. Not thread-safe: the host scans from one thread at a time.
 */
final class PluginFolderWatcher {

    enum Kind {
        ADDED,
        CHANGED,
        REMOVED
    }

    record Change(Kind kind, Path file) {}

    private record Stamp(long size, long modified) {}

    private final Path dir;
    private final Map<Path, Stamp> settled = new HashMap<>();
    private Map<Path, Stamp> previous = new HashMap<>();

    PluginFolderWatcher(Path dir) {
        this.dir = dir;
    }

    /** Takes the files present now as already handled (the host loaded them at start). */
    void baseline() throws IOException {
        previous = current();
        settled.putAll(previous);
    }

    /** What changed since the last scan. Blocking: call it off the event loop. */
    List<Change> scan() throws IOException {
        Map<Path, Stamp> now = current();
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<Path, Stamp> e : now.entrySet()) {
            Stamp before = settled.get(e.getKey());
            boolean stable = e.getValue().equals(previous.get(e.getKey()));
            if (stable && !e.getValue().equals(before)) {
                changes.add(new Change(before == null ? Kind.ADDED : Kind.CHANGED, e.getKey()));
                settled.put(e.getKey(), e.getValue());
            }
        }
        for (Path gone : List.copyOf(settled.keySet())) {
            if (!now.containsKey(gone)) {
                changes.add(new Change(Kind.REMOVED, gone));
                settled.remove(gone);
            }
        }
        previous = now;
        return changes;
    }

    private Map<Path, Stamp> current() throws IOException {
        Map<Path, Stamp> out = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if ((name.endsWith(".jar") || name.endsWith(".zip")) && Files.isRegularFile(p)) {
                    out.put(p.toAbsolutePath().normalize(), new Stamp(Files.size(p), Files.getLastModifiedTime(p).toMillis()));
                }
            }
        }
        return out;
    }
}
