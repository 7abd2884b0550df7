package io.imbot.core.admin;

import io.imbot.api.ChatMessage;
import io.imbot.api.Conversation;
import io.imbot.api.Direction;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** The JSON form of {@link Conversation} in the admin API; times are epoch milliseconds. */
public final class Conversations {

    private Conversations() {}

    /** Writes {@code c} as JSON. */
    public static JsonObject toJson(Conversation c) {
        return new JsonObject()
                .put("conversation", c.conversation())
                .put("lastId", c.lastId())
                .put("lastDirection", c.lastDirection().name())
                .put("lastSender", c.lastSender())
                .put("lastPreview", c.lastPreview())
                .put("lastAt", c.lastAt().toEpochMilli())
                .put("messageCount", c.messageCount())
                .put("unanswered", c.unanswered())
                .put("connection", c.connection());
    }

    /** Reads the JSON form. */
    public static Conversation fromJson(JsonObject json) {
        return new Conversation(
                json.getString("conversation"),
                json.getString("lastId"),
                Direction.valueOf(json.getString("lastDirection")),
                json.getString("lastSender"),
                json.getString("lastPreview"),
                Instant.ofEpochMilli(json.getLong("lastAt")),
                json.getLong("messageCount"),
                json.getLong("unanswered"),
                json.getString("connection", ChatMessage.DEFAULT_CONNECTION));
    }
}
