package io.imbot.core.delivery;

import java.util.LinkedHashSet;

/** The IDs of the latest timed-out messages, so an ACK that comes too late is recognised. */
final class LateAcks {

    private final int capacity;
    private final LinkedHashSet<String> ids = new LinkedHashSet<>();

    LateAcks(int capacity) {
        this.capacity = capacity;
    }

    void add(String id) {
        ids.add(id);
        if (ids.size() > capacity) {
            ids.remove(ids.iterator().next());
        }
    }

    boolean remove(String id) {
        return ids.remove(id);
    }
}
