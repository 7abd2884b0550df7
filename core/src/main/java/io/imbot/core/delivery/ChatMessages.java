package io.imbot.core.delivery;

import io.imbot.api.ChatMessage;
import io.imbot.api.DeliveryStatus;
import io.imbot.api.Direction;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** The JSON form of {@link ChatMessage} on the event bus. */
public final class ChatMessages {

    private ChatMessages() {}

    /** Writes {@code m} as JSON. */
    public static JsonObject toJson(ChatMessage m) {
        return new JsonObject()
                .put("id", m.id())
                .put("direction", m.direction().name())
                .put("conversation", m.conversation())
                .put("from", m.from())
                .put("to", m.to())
                .put("body", m.body())
                .put("timestamp", m.timestamp().toEpochMilli())
                .put("status", m.status().name())
                .put("connection", m.connection());
    }

    /** Reads the JSON form. */
    public static ChatMessage fromJson(JsonObject json) {
        return new ChatMessage(
                json.getString("id"),
                Direction.valueOf(json.getString("direction")),
                json.getString("conversation"),
                json.getString("from"),
                json.getString("to"),
                json.getString("body"),
                Instant.ofEpochMilli(json.getLong("timestamp")),
                DeliveryStatus.valueOf(json.getString("status")),
                json.getString("connection", ChatMessage.DEFAULT_CONNECTION));
    }
}
