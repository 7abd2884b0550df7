package io.imbot.core.plugin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What {@code imbot plugins} shows about one plugin.
 *
 * @param state PF4J's state (STARTED, DISABLED, FAILED, ...), or DISABLED after repeated failures
 * @param bots the names of the plugin's reply bots
 * @param messages messages handed to its bots since it (re)started
 */
public record PluginInfo(
        String id,
        String version,
        String state,
        String description,
        String path,
        List<String> bots,
        long messages,
        long failures,
        long timeouts,
        String lastError) {

    public PluginInfo {
        bots = List.copyOf(bots);
    }

    /** The JSON form served by the admin API. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("id", id)
                .put("version", version)
                .put("state", state)
                .put("description", description)
                .put("path", path)
                .put("bots", new JsonArray(bots))
                .put("messages", messages)
                .put("failures", failures)
                .put("timeouts", timeouts)
                .put("lastError", lastError);
    }

    /** Reads the JSON form. */
    public static PluginInfo fromJson(JsonObject j) {
        return new PluginInfo(j.getString("id"), j.getString("version"), j.getString("state"), j.getString("description", ""),
                j.getString("path", ""), j.getJsonArray("bots", new JsonArray()).stream().map(String::valueOf).toList(),
                j.getLong("messages", 0L), j.getLong("failures", 0L), j.getLong("timeouts", 0L), j.getString("lastError", ""));
    }
}
