package io.imbot.plugins.mqttconnector;

import io.imbot.api.connector.ConnectionSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * One MQTT connection, read from its configured {@link ConnectionSettings}.
 *
 * @param host the broker's host
 * @param port the broker's port
 * @param tls whether to connect over TLS ({@code mqtts://})
 * @param caFile a PEM file of the certificates to trust; empty for the JVM's trust store
 * @param verifyHost whether the broker's certificate must name {@code host}
 * @param user the bot's user name: the {@code from} of what it sends, and its own topic
 * @param username the MQTT login name ({@code user} unless configured)
 * @param password the MQTT password (the connection's token); empty for none
 * @param clientId the MQTT client ID; fixed, so the broker keeps the bot's session while it is away
 * @param topics the topic scheme
 * @param rooms the rooms ({@code #name}) whose topics the bot subscribes to
 * @param keepAlive how often the client pings a quiet broker
 * @param connectTimeout how long an attempt may take to get CONNACK
 * @param maxMessageBytes the largest publish accepted from the broker; a larger one is dropped
 * @param maxSkipBytes the largest publish the connector reads only to drop it, after a larger one
 *     than {@code maxMessageBytes} cut a connection (a message the broker would otherwise offer again
 *     on every session)
 * @param maxInflight how many publishes may wait for PUBACK at once
 * @param initialDelay the first reconnect delay
 * @param maxDelay the longest reconnect delay
 * @param resetAfter how long a connection must stay up for the backoff to start over
 */
record MqttSettings(String host, int port, boolean tls, String caFile, boolean verifyHost, String user, String username,
        String password, String clientId, Topics topics, List<String> rooms, Duration keepAlive, Duration connectTimeout,
        int maxMessageBytes, int maxSkipBytes, int maxInflight, Duration initialDelay, Duration maxDelay, Duration resetAfter) {

    /** The largest remaining length an MQTT packet can declare. */
    static final int MQTT_MAX_PACKET = 268_435_455;

    MqttSettings {
        rooms = List.copyOf(rooms);
    }

    /**
     * Reads a configured connection: {@code url} is {@code mqtt://host[:port]} or {@code
     * mqtts://host[:port]} (ports 1883 and 8883 by default).
     *
     * @param files turns a configured file name ({@code caFile}) into the path to open
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    static MqttSettings from(ConnectionSettings s, Function<String, Path> files) {
        String where = "connections." + s.name();
        URI url = parseUrl(s.url(), where + ".url");
        boolean tls = url.getScheme().equals("mqtts");
        int port = url.getPort() > 0 ? url.getPort() : tls ? 8883 : 1883;
        String bad = Topics.check(s.user());
        if (bad != null || s.user().startsWith("#")) {
            throw new IllegalArgumentException(where + ".user: " + (bad != null ? bad : "a user, not a room"));
        }
        for (String room : s.rooms()) {
            if (!room.startsWith("#") || Topics.check(room) != null) {
                throw new IllegalArgumentException(where + ".rooms: '" + room + "' is not a #room name for MQTT topics");
            }
        }
        String prefix = s.option("topicPrefix", Topics.DEFAULT_PREFIX);
        if (prefix.isEmpty() || prefix.startsWith("/") || prefix.endsWith("/") || prefix.contains("+") || prefix.contains("#")) {
            throw new IllegalArgumentException(where + ".options.topicPrefix: topic levels without wildcards or a leading or trailing /, got '"
                    + prefix + "'");
        }
        return new MqttSettings(url.getHost(), port, tls, caFile(s, files, tls, where), s.option("verifyHost", true), s.user(),
                s.option("username", s.user()), s.token(), s.option("clientId", "imbot-" + s.user()), new Topics(prefix), s.rooms(),
                s.option("keepAlive", Duration.ofSeconds(30)), s.option("connectTimeout", Duration.ofSeconds(5)),
                (int) s.option("maxMessageBytes", 1 << 20, 64, MQTT_MAX_PACKET),
                (int) s.option("maxSkipBytes", 64 << 20, 64, MQTT_MAX_PACKET), (int) s.option("maxInflight", 1000, 1, 65_535),
                s.reconnectInitial(), s.reconnectMax(), s.option("resetAfter", Duration.ofSeconds(60)));
    }

    /** How logs name the connection: {@code mqtt://host:port as user}. */
    String describe() {
        return (tls ? "mqtts" : "mqtt") + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + " as " + user;
    }

    private static URI parseUrl(String text, String where) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + ": not a URL: " + e.getMessage());
        }
        if (url.getScheme() == null || !List.of("mqtt", "mqtts").contains(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException(where + ": expected mqtt://host:port or mqtts://host:port, got '" + text + "'");
        }
        return url;
    }

    private static String caFile(ConnectionSettings s, Function<String, Path> files, boolean tls, String where) {
        if (!tls && !s.option("caFile", "").isEmpty()) {
            throw new IllegalArgumentException(where + ".options.caFile: only for mqtts:// URLs");
        }
        return s.readableFile("caFile", files).map(Path::toString).orElse("");
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "MqttSettings[" + describe() + ", clientId=" + clientId + ", rooms=" + rooms + ", password=" + (password.isEmpty() ? "none" : "***")
                + "]";
    }
}
