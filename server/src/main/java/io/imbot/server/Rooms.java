package io.imbot.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Room membership by user name. A room exists while it has members; membership does not depend on
 * being connected. Confined to the server's event loop.
 */
final class Rooms {

    private final Map<String, Set<String>> members = new HashMap<>();

    /** Adds {@code user} to {@code room}, creating the room on first join. Joining twice is harmless. */
    void join(String room, String user) {
        members.computeIfAbsent(room, r -> new LinkedHashSet<>()).add(user);
    }

    /** Removes {@code user} from {@code room}. Leaving a room one is not in is harmless. */
    void leave(String room, String user) {
        Set<String> users = members.get(room);
        if (users != null && users.remove(user) && users.isEmpty()) {
            members.remove(room);
        }
    }

    /** Whether {@code user} is a member of {@code room}. */
    boolean isMember(String room, String user) {
        Set<String> users = members.get(room);
        return users != null && users.contains(user);
    }

    /** The members of {@code room} other than {@code user}, in joining order. */
    List<String> membersExcept(String room, String user) {
        List<String> others = new ArrayList<>(members.getOrDefault(room, Set.of()));
        others.remove(user);
        return others;
    }
}
