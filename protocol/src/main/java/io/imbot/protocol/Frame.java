package io.imbot.protocol;

/**
 * One frame of the native protocol. See docs/PROTOCOL.md for the wire format.
 *
 * <p>Records validate their fields in their constructors, so a frame that exists is well formed;
 * {@link FrameCodec#decode} turns a bad field into a {@link ProtocolException}.
 */
public sealed interface Frame {

    /** The value of the frame's {@code type} field. */
    String type();

    /** Client to server: authenticate as {@code user}. */
    record Login(String user, String token) implements Frame {
        public Login {
            Fields.requireUser("user", user);
            token = token == null ? "" : token;
        }

        /** Never shows the token, so logging a frame cannot leak it. */
        @Override
        public String toString() {
            return "Login[user=" + user + ", token=" + (token.isEmpty() ? "" : "***") + "]";
        }

        @Override
        public String type() {
            return "login";
        }
    }

    /** Server to client: the login succeeded. */
    record LoginOk(String user) implements Frame {
        public LoginOk {
            Fields.requireUser("user", user);
        }

        @Override
        public String type() {
            return "login_ok";
        }
    }

    /**
     * A chat message, in either direction. The sender chooses {@code id}; the server sets {@code
     * from} to the authenticated sender before it delivers the message.
     */
    record Msg(String id, String from, String to, String body, long ts) implements Frame {
        public Msg {
            Fields.requireId("id", id);
            from = from == null ? "" : from;
            if (!from.isEmpty()) {
                Fields.requireUser("from", from);
            }
            Fields.requireAddress("to", to);
            Fields.requireBody("body", body);
        }

        /** A copy of this message with {@code from} replaced. */
        public Msg withFrom(String sender) {
            return new Msg(id, sender, to, body, ts);
        }

        @Override
        public String type() {
            return "msg";
        }
    }

    /** Acknowledges the message with {@code id}. */
    record Ack(String id) implements Frame {
        public Ack {
            Fields.requireId("id", id);
        }

        @Override
        public String type() {
            return "ack";
        }
    }

    /** Heartbeat request; the peer answers with {@link Pong}. */
    record Ping() implements Frame {
        @Override
        public String type() {
            return "ping";
        }
    }

    /** Heartbeat answer. */
    record Pong() implements Frame {
        @Override
        public String type() {
            return "pong";
        }
    }

    /**
     * Reports a problem. {@code ref} names the message ID the error is about, or is empty. A fatal
     * error is followed by the sender closing the connection.
     */
    record Error(String code, String text, String ref) implements Frame {
        public Error {
            Fields.requireText("code", code);
            text = text == null ? "" : text;
            ref = ref == null ? "" : ref;
        }

        @Override
        public String type() {
            return "error";
        }
    }

    /** Client to server: become a member of {@code room}. */
    record Join(String room) implements Frame {
        public Join {
            Fields.requireRoom("room", room);
        }

        @Override
        public String type() {
            return "join";
        }
    }

    /** Server to client: the join succeeded. */
    record Joined(String room) implements Frame {
        public Joined {
            Fields.requireRoom("room", room);
        }

        @Override
        public String type() {
            return "joined";
        }
    }

    /** Client to server: stop being a member of {@code room}. */
    record Leave(String room) implements Frame {
        public Leave {
            Fields.requireRoom("room", room);
        }

        @Override
        public String type() {
            return "leave";
        }
    }

    /** Server to client: the leave succeeded. */
    record Left(String room) implements Frame {
        public Left {
            Fields.requireRoom("room", room);
        }

        @Override
        public String type() {
            return "left";
        }
    }
}
