package io.imbot.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** The known fields of one JSON frame object, collected before the frame record is built. */
final class RawFrame {

    private String type;
    private String id;
    private String user;
    private String token;
    private String from;
    private String to;
    private String body;
    private String code;
    private String text;
    private String ref;
    private String room;
    private long ts;
    private String badField;

    /** Takes one field; unknown fields are skipped, so peers may add fields. */
    void accept(String name, JsonToken value, JsonParser p) throws IOException {
        if (name.equals("ts")) {
            if (value == JsonToken.VALUE_NUMBER_INT) {
                ts = p.getLongValue();
            } else {
                badField = badField == null ? "ts" : badField;
            }
            return;
        }
        if (value != JsonToken.VALUE_STRING) {
            if (isKnown(name)) {
                badField = badField == null ? name : badField;
            }
            p.skipChildren();
            return;
        }
        String s = p.getText();
        switch (name) {
            case "type" -> type = s;
            case "id" -> id = s;
            case "user" -> user = s;
            case "token" -> token = s;
            case "from" -> from = s;
            case "to" -> to = s;
            case "body" -> body = s;
            case "code" -> code = s;
            case "text" -> text = s;
            case "ref" -> ref = s;
            case "room" -> room = s;
            default -> {}
        }
    }

    private static boolean isKnown(String name) {
        return switch (name) {
            case "type", "id", "user", "token", "from", "to", "body", "code", "text", "ref", "room" -> true;
            default -> false;
        };
    }

    Frame toFrame() throws ProtocolException {
        String refId = id == null ? "" : validRef(id);
        if (type == null) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "frame has no string field 'type'", refId);
        }
        if (badField != null) {
            throw new ProtocolException(ErrorCode.BAD_FIELD, "field '" + badField + "' has the wrong JSON type", refId);
        }
        try {
            return build();
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(ErrorCode.BAD_FIELD, type + ": " + e.getMessage(), refId);
        }
    }

    private Frame build() throws ProtocolException {
        return switch (type) {
            case "msg" -> new Frame.Msg(id, from, to, body, ts);
            case "ack" -> new Frame.Ack(id);
            case "ping" -> new Frame.Ping();
            case "pong" -> new Frame.Pong();
            case "login" -> new Frame.Login(user, token);
            case "login_ok" -> new Frame.LoginOk(user);
            case "error" -> new Frame.Error(code, text, ref);
            case "join" -> new Frame.Join(room);
            case "joined" -> new Frame.Joined(room);
            case "leave" -> new Frame.Leave(room);
            case "left" -> new Frame.Left(room);
            default -> throw new ProtocolException(
                    ErrorCode.UNKNOWN_TYPE, "unknown frame type '" + abbreviate(type) + "'", id == null ? "" : validRef(id));
        };
    }

    /** Echo an ID back only when it is itself valid, so error frames are always well formed. */
    private static String validRef(String ref) {
        try {
            Fields.requireId("ref", ref);
            return ref;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
