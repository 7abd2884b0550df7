package io.imbot.core.daemon;

import io.imbot.core.config.ImbotConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Which parts of a changed configuration take a restart: all but what {@code imbot reload} applies. */
final class ConfigChanges {

    private ConfigChanges() {}

    /** The sections of {@code fresh} that differ from {@code running} and only a restart applies, by name. */
    static List<String> needingRestart(ImbotConfig running, ImbotConfig fresh) {
        List<String> out = new ArrayList<>();
        differs(out, "bot", running.bot(), fresh.bot());
        differs(out, "server", running.server(), fresh.server());
        differs(out, "delivery", running.delivery(), fresh.delivery());
        differs(out, "database", running.database(), fresh.database());
        differs(out, "history", running.history(), fresh.history());
        differs(out, "admin", running.admin(), fresh.admin());
        differs(out, "connections", running.connections(), fresh.connections());
        ImbotConfig.Plugins a = running.plugins();
        ImbotConfig.Plugins b = fresh.plugins();
        differs(out, "plugins.dir", a.dir(), b.dir());
        differs(out, "plugins.watchInterval", a.watchInterval(), b.watchInterval());
        differs(out, "plugins.callTimeout", a.callTimeout(), b.callTimeout());
        differs(out, "plugins.maxConsecutiveFailures", a.maxConsecutiveFailures(), b.maxConsecutiveFailures());
        differs(out, "plugins.disabled", a.disabled(), b.disabled());
        differs(out, "plugins.operators", a.operators(), b.operators());
        return out;
    }

    private static void differs(List<String> out, String name, Object running, Object fresh) {
        if (!Objects.equals(running, fresh)) {
            out.add(name);
        }
    }
}
