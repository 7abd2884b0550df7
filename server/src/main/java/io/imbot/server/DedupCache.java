package io.imbot.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers accepted (sender, id) pairs in acceptance order, forgetting the oldest beyond a fixed
 * capacity. Confined to the server's event loop.
 *
 * <p>A key is {@code sender + ' ' + id}: user names and IDs cannot contain spaces, so keys never
 * collide.
 */
final class DedupCache {

    private final Map<String, Boolean> accepted;

    DedupCache(int capacity) {
        this.accepted = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether {@code id} from {@code sender} was accepted and is still remembered. */
    boolean contains(String sender, String id) {
        return accepted.containsKey(key(sender, id));
    }

    /** Remembers that {@code id} from {@code sender} was accepted. */
    void add(String sender, String id) {
        accepted.put(key(sender, id), Boolean.TRUE);
    }

    /** The remembered IDs from {@code sender}, oldest first. Scans the whole cache: for tests and diagnostics. */
    List<String> idsFrom(String sender) {
        String prefix = sender + ' ';
        List<String> ids = new ArrayList<>();
        for (String key : accepted.keySet()) {
            if (key.startsWith(prefix)) {
                ids.add(key.substring(prefix.length()));
            }
        }
        return ids;
    }

    private static String key(String sender, String id) {
        return sender + ' ' + id;
    }
}
