package io.imbot.core.plugin;

import java.util.ArrayList;
import java.util.List;
import org.pf4j.PluginWrapper;

/** Builds the plugin reports from PF4J's view and the bots' counters. */
final class PluginInfos {

    private PluginInfos() {}

    static List<PluginInfo> of(List<PluginWrapper> plugins, BotRoster roster) {
        List<PluginInfo> out = new ArrayList<>();
        for (PluginWrapper w : plugins) {
            List<String> bots = new ArrayList<>();
            long messages = 0;
            long failures = 0;
            long timeouts = 0;
            String lastError = "";
            for (BotRunner r : roster.latestOf(w.getPluginId())) {
                bots.add(r.name());
                messages += r.messages;
                failures += r.failures;
                timeouts += r.timeouts;
                lastError = r.lastError.isEmpty() ? lastError : r.lastError;
            }
            out.add(new PluginInfo(w.getPluginId(), w.getDescriptor().getVersion(), w.getPluginState().toString(),
                    String.valueOf(w.getDescriptor().getPluginDescription()), String.valueOf(w.getPluginPath()), bots, messages,
                    failures, timeouts, lastError));
        }
        return out;
    }
}
