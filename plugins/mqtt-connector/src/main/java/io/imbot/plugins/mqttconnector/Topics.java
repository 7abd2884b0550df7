package io.imbot.plugins.mqttconnector;

/**
 * The topic scheme: a user {@code U} receives direct messages on {@code PREFIX/users/U}, and a room
 * {@code #R} is the topic {@code PREFIX/rooms/R}. Names may not hold the characters MQTT gives a
 * meaning in topics ({@code / + #}), control characters or spaces.
 *
 * @param prefix the first topic level(s), without a trailing slash; {@code imbot} by default
 */
record Topics(String prefix) {

    /** The topic prefix connections use unless configured otherwise. */
    static final String DEFAULT_PREFIX = "imbot";

    private static final int MAX_NAME = 128;

    /** Where {@code address} (a user, or a room starting with {@code #}) receives messages. */
    String topicOf(String address) {
        return address.startsWith("#") ? prefix + "/rooms/" + address.substring(1) : prefix + "/users/" + address;
    }

    /**
     * The address a topic belongs to: a user name, or {@code #room}; {@code null} for a topic
     * outside the scheme.
     */
    String addressOf(String topic) {
        String users = prefix + "/users/";
        String rooms = prefix + "/rooms/";
        if (topic.startsWith(users) && valid(topic.substring(users.length()))) {
            return topic.substring(users.length());
        }
        if (topic.startsWith(rooms) && valid(topic.substring(rooms.length()))) {
            return "#" + topic.substring(rooms.length());
        }
        return null;
    }

    /** {@code null} when {@code address} is a valid user or {@code #room} here, else why not. */
    static String check(String address) {
        String name = address.startsWith("#") ? address.substring(1) : address;
        return valid(name) ? null : "not a user or #room name for MQTT topics (1-" + MAX_NAME
                + " characters, no / + # spaces or control characters)";
    }

    private static boolean valid(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '+' || c == '#' || c <= ' ' || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }
}
