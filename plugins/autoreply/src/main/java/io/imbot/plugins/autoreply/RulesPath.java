package io.imbot.plugins.autoreply;

import io.imbot.api.BotContext;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** Where the rules file is, from the plugin configuration. */
final class RulesPath {

    private static final Set<String> KNOWN_KEYS = Set.of(AutoReplyBot.RULES_KEY);

    private RulesPath() {}

    /**
     * The {@code rules} setting resolved against the configuration folder, or {@code
     * autoreply.yaml} there. A setting that is not a usable path is logged and the default used.
     */
    static Path resolve(BotContext context) {
        Map<String, Object> config = context.config();
        System.Logger log = context.logger();
        for (String key : config.keySet()) {
            if (!KNOWN_KEYS.contains(key)) {
                log.log(System.Logger.Level.WARNING,
                        "unknown setting '" + key + "' in the autoreply plugin configuration (known: rules); ignored");
            }
        }
        Object value = config.get(AutoReplyBot.RULES_KEY);
        String name = AutoReplyBot.DEFAULT_RULES;
        if (value instanceof String s && !s.isBlank()) {
            name = s;
        } else if (value != null) {
            log.log(System.Logger.Level.ERROR, "setting 'rules' of the autoreply plugin must be a file path, not '"
                    + value + "'; using " + AutoReplyBot.DEFAULT_RULES);
        }
        try {
            return context.configDir().resolve(Path.of(name)).normalize();
        } catch (InvalidPathException e) {
            log.log(System.Logger.Level.ERROR, "setting 'rules' of the autoreply plugin is not a valid path: "
                    + e.getMessage() + "; using " + AutoReplyBot.DEFAULT_RULES);
            return context.configDir().resolve(AutoReplyBot.DEFAULT_RULES);
        }
    }
}
