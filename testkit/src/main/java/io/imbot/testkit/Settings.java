package io.imbot.testkit;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A started tester's fixed settings, taken from its {@link BotTesterBuilder}. */
record Settings(String botUser, String pluginId, Map<String, Object> config, Path configDir, Path dataDir, boolean strict) {

    Settings {
        Objects.requireNonNull(botUser, "botUser");
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(dataDir, "dataDir");
        // Not Map.copyOf: configuration read from YAML may hold null values.
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }
}
