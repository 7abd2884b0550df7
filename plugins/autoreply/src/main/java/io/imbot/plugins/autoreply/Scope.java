package io.imbot.plugins.autoreply;

import io.imbot.api.ChatMessage;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which messages a rule looks at.
 *
 * @param where the kinds of message: direct messages, any room message, room messages mentioning
 *     the bot
 * @param users only these senders, or anyone when empty
 * @param ignoreUsers never these senders
 * @param rooms only these rooms (for room messages), or any room when empty
 */
record Scope(Set<Where> where, Set<String> users, Set<String> ignoreUsers, Set<String> rooms) {

    /** A kind of message, as written in the file. */
    enum Where {
        DIRECT("direct"),
        ROOM("room"),
        MENTION("mention");

        final String word;

        Where(String word) {
            this.word = word;
        }
    }

    /** Direct messages and every room message, from anyone. */
    static final Scope EVERYWHERE = new Scope(EnumSet.of(Where.DIRECT, Where.ROOM), Set.of(), Set.of(), Set.of());

    Scope {
        Objects.requireNonNull(where, "where");
        if (where.isEmpty()) {
            throw new IllegalArgumentException("where must not be empty");
        }
        where = Set.copyOf(where);
        users = Set.copyOf(users);
        ignoreUsers = Set.copyOf(ignoreUsers);
        rooms = Set.copyOf(rooms);
    }

    /** Whether the rule looks at {@code message}; {@code mentionsBot} as the daemon says. */
    boolean admits(ChatMessage message, boolean mentionsBot) {
        if (ignoreUsers.contains(message.from()) || (!users.isEmpty() && !users.contains(message.from()))) {
            return false;
        }
        if (!message.inRoom()) {
            return where.contains(Where.DIRECT);
        }
        if (!rooms.isEmpty() && !rooms.contains(message.to())) {
            return false;
        }
        return where.contains(Where.ROOM) || (where.contains(Where.MENTION) && mentionsBot);
    }
}
