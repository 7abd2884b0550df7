package io.imbot.plugins.autoreply;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each rule may answer again in each conversation. Keyed by rule name, so a cooldown survives
 * a reload that keeps the rule's name. Safe from any thread: {@code explain} reads it while the
 * bot's worker writes it.
 */
final class CooldownTracker {

    private record Key(String rule, String conversation) {}

    private final Map<Key, Instant> silentUntil = new ConcurrentHashMap<>();

    /** How long {@code rule} must still stay silent in {@code conversation}; zero when it may answer. */
    Duration remaining(String rule, String conversation, Instant now) {
        Instant until = silentUntil.get(new Key(rule, conversation));
        return until == null || !until.isAfter(now) ? Duration.ZERO : Duration.between(now, until);
    }

    /** Records that {@code rule} answered in {@code conversation} and stays silent for {@code cooldown}. */
    void answered(String rule, String conversation, Instant now, Duration cooldown) {
        if (!cooldown.isZero()) {
            silentUntil.put(new Key(rule, conversation), now.plus(cooldown));
        }
    }

    /** Forgets cooldowns that have ended, so the map stays as small as the active ones. */
    void prune(Instant now) {
        silentUntil.values().removeIf(until -> !until.isAfter(now));
    }

    int size() {
        return silentUntil.size();
    }
}
