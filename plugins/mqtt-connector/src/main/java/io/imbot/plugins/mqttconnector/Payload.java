package io.imbot.plugins.mqttconnector;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * The JSON carried in each publish: {@code {"id": "...", "from": "alice", "body": "hi", "ts":
 * 1764547200000}}. {@code id} is unique per sender and the same on every retransmission, so a
 * receiver drops a copy; {@code from} is the sender's user name as the sender states it (a broker's
 * ACL decides who may publish where); {@code ts} is epoch milliseconds.
 */
record Payload(String id, String from, String body, long ts) {

    Buffer encode() {
        return new JsonObject().put("id", id).put("from", from).put("body", body).put("ts", ts).toBuffer();
    }

    /**
     * Reads a publish's payload.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static Payload decode(Buffer bytes) {
        JsonObject json;
        try {
            json = bytes.toJsonObject();
        } catch (DecodeException | ClassCastException e) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String id = text(json, "id");
        String from = text(json, "from");
        String body = text(json, "body");
        Object ts = json.getValue("ts");
        if (ts != null && !(ts instanceof Number)) {
            throw new IllegalArgumentException("ts is not a number");
        }
        if (id.isEmpty() || id.length() > 128 || Topics.check(from) != null || from.startsWith("#")) {
            throw new IllegalArgumentException("id must be 1-128 characters and from a user name");
        }
        return new Payload(id, from, body, ts == null ? 0 : ((Number) ts).longValue());
    }

    private static String text(JsonObject json, String key) {
        Object v = json.getValue(key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException(key + " is missing or not a string");
        }
        return s;
    }
}
