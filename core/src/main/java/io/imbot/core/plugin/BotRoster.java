package io.imbot.core.plugin;

import io.imbot.api.BotCommand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running bots in dispatch order (highest priority first), and each plugin's latest bots for
 * reports. Touched only on the plugin host's context; the command list is also read by bot threads.
 */
final class BotRoster {

    private final List<BotRunner> active = new ArrayList<>();
    private final Map<String, List<BotRunner>> latest = new LinkedHashMap<>();
    private volatile List<BotCommand> commands = List.of();

    /** Starts a fresh report for {@code pluginId} (its counters restart with it). */
    void forget(String pluginId) {
        latest.remove(pluginId);
    }

    void track(BotRunner r) {
        latest.computeIfAbsent(r.pluginId, k -> new ArrayList<>()).add(r);
    }

    void activate(BotRunner r) {
        active.add(r);
        resort();
    }

    /** Takes the plugin's bots out of dispatch and returns them. */
    List<BotRunner> deactivate(String pluginId) {
        List<BotRunner> out = new ArrayList<>();
        active.removeIf(r -> {
            boolean match = r.pluginId.equals(pluginId);
            if (match) {
                out.add(r);
            }
            return match;
        });
        resort();
        return out;
    }

    boolean isActive(BotRunner r) {
        return active.contains(r);
    }

    List<BotRunner> inOrder() {
        return List.copyOf(active);
    }

    List<BotRunner> latestOf(String pluginId) {
        return latest.getOrDefault(pluginId, List.of());
    }

    List<BotCommand> commands() {
        return commands;
    }

    /** Re-sorts by the priorities the bots last reported, and rebuilds the command list. */
    void resort() {
        active.sort(Comparator.comparingInt((BotRunner r) -> -r.priority()).thenComparing(r -> r.pluginId));
        List<BotCommand> all = new ArrayList<>();
        active.forEach(r -> all.addAll(r.commands()));
        all.sort(Comparator.comparing(BotCommand::name));
        commands = List.copyOf(all);
    }
}
