package io.imbot.plugins.ircconnector;

import io.imbot.api.connector.ConnectionSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One IRC connection, read from its configured {@link ConnectionSettings}. The options and their
 * defaults:
 *
 * <ul>
 *   <li>{@code realName} ({@code imbot}): the real name of {@code USER}, shown by WHOIS;
 *   <li>{@code username} (the nick's letters and digits, at most 10): the user name of {@code USER};
 *   <li>{@code lineInterval} ({@code 500ms}) and {@code lineBurst} ({@code 4}): the flood limit.
 *       Up to {@code lineBurst} lines go out at once, then one per {@code lineInterval}. ngIRCd
 *       reads at most 3 commands a second from a client, and fewer when they are long (it also
 *       counts 256 bytes a second); what it has not read waits in the socket, behind which a PONG
 *       or a PING would wait too. Two lines a second stay below both limits. Large public networks
 *       are stricter: use {@code 1s} or {@code 2s} there. {@code 0ms} turns the limit off;
 *   <li>{@code maxQueuedLines} ({@code 8}): {@code writable()} is false while this many lines wait
 *       for the flood limit, so what the engine hands over is written within about four seconds,
 *       inside its ACK timeout, instead of piling up here. One long body is taken whole however
 *       many lines it makes: at 2 lines a second, a body of 30 lines is reported written after
 *       15 s, which may be past the engine's ACK timeouts (it then ends TIMED_OUT, and SENT once
 *       the late report comes); raise {@code delivery.ackTimeout} for bots that write long texts;
 *   <li>{@code maxLineBytes} ({@code 512}): the server's line limit including CR LF and the prefix
 *       it puts in front when relaying ({@code :nick!user@host }, reckoned at its longest);
 *   <li>{@code keepAlive} ({@code 60s}) and {@code pingTimeout} ({@code 30s}): a PING when nothing
 *       arrived for {@code keepAlive}; the link counts as lost when nothing answers within
 *       {@code pingTimeout};
 *   <li>{@code connectTimeout} ({@code 30s}): for the TCP (and TLS) connect, and again for the
 *       login: welcome and every configured channel joined or refused;
 *   <li>{@code resetAfter} ({@code 60s}): a connection that stayed up this long starts the backoff over;
 *   <li>{@code caFile} and {@code verifyHost} ({@code true}): for {@code ircs://}, a PEM file of
 *       certificates to trust instead of the JVM's, and whether the certificate must name the host.
 * </ul>
 *
 * @param password the server password ({@code PASS}), the connection's token; empty for none
 */
record IrcSettings(String host, int port, boolean tls, String caFile, boolean verifyHost, String nick, String username, String password,
        String realName, List<String> rooms, Duration lineInterval, int lineBurst, int maxQueuedLines, int maxLineBytes, Duration keepAlive,
        Duration pingTimeout, Duration connectTimeout, Duration initialDelay, Duration maxDelay, Duration resetAfter) {

    /** The options a connection of kind irc reads; any other is a mistake. */
    static final Set<String> OPTIONS = Set.of("realName", "username", "lineInterval", "lineBurst", "maxQueuedLines", "maxLineBytes",
            "keepAlive", "pingTimeout", "connectTimeout", "resetAfter", "caFile", "verifyHost");

    IrcSettings {
        rooms = List.copyOf(rooms);
    }

    /**
     * Reads a configured connection: {@code url} is {@code irc://host[:port]} (port 6667) or {@code
     * ircs://host[:port]} (TLS, port 6697); {@code user} is the nick; {@code rooms} are channels.
     *
     * @param files turns a configured file name ({@code caFile}) into the path to open
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    static IrcSettings from(ConnectionSettings s, Function<String, Path> files) {
        String where = "connections." + s.name();
        Set<String> unknown = new TreeSet<>(s.options().keySet());
        unknown.removeAll(OPTIONS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(where + ".options." + unknown.iterator().next() + ": not an option of kind irc (known: "
                    + new TreeSet<>(OPTIONS) + ")");
        }
        URI url = parseUrl(s.url(), where + ".url");
        boolean tls = url.getScheme().equals("ircs");
        String bad = IrcNames.checkNick(s.user());
        if (bad != null) {
            throw new IllegalArgumentException(where + ".user: '" + s.user() + "' is " + bad);
        }
        for (String room : s.rooms()) {
            String why = IrcNames.checkChannel(room);
            if (why != null) {
                throw new IllegalArgumentException(where + ".rooms: '" + room + "' is " + why);
            }
        }
        if (IrcLine.breaksLine(s.token())) {
            throw new IllegalArgumentException(where + ".token: must not hold line breaks or NUL");
        }
        String username = s.option("username", IrcNames.userName(s.user()));
        if (!username.matches("[A-Za-z0-9_.-]{1,20}")) {
            throw new IllegalArgumentException(where + ".options.username: expected 1-20 of A-Z a-z 0-9 _ . -, got '" + username + "'");
        }
        String realName = s.option("realName", "imbot");
        if (realName.isBlank() || realName.length() > 100 || IrcLine.breaksLine(realName)) {
            throw new IllegalArgumentException(where + ".options.realName: expected 1-100 characters on one line");
        }
        return new IrcSettings(url.getHost(), url.getPort() > 0 ? url.getPort() : tls ? 6697 : 6667, tls, caFile(s, files, tls, where),
                s.option("verifyHost", true), s.user(), username, s.token(), realName, s.rooms(),
                s.option("lineInterval", Duration.ofMillis(500), Duration.ZERO, Duration.ofMinutes(1)),
                (int) s.option("lineBurst", 4, 1, 100), (int) s.option("maxQueuedLines", 8, 1, 100_000),
                (int) s.option("maxLineBytes", 512, 256, 65_536),
                s.option("keepAlive", Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofHours(1)),
                s.option("pingTimeout", Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofHours(1)),
                s.option("connectTimeout", Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofHours(1)),
                s.reconnectInitial(), s.reconnectMax(), s.option("resetAfter", Duration.ofSeconds(60)));
    }

    /** How logs name the connection: {@code irc://host:port as nick}. */
    String describe() {
        return (tls ? "ircs" : "irc") + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + " as " + nick;
    }

    private static URI parseUrl(String text, String where) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + ": not a URL: " + e.getMessage());
        }
        boolean bare = (url.getRawPath() == null || url.getRawPath().isEmpty() || url.getRawPath().equals("/")) && url.getRawQuery() == null
                && url.getRawFragment() == null && url.getRawUserInfo() == null;
        if (url.getScheme() == null || !List.of("irc", "ircs").contains(url.getScheme()) || url.getHost() == null || !bare) {
            throw new IllegalArgumentException(where + ": expected irc://host[:port] or ircs://host[:port] (channels go in rooms), got '"
                    + text + "'");
        }
        return url;
    }

    private static String caFile(ConnectionSettings s, Function<String, Path> files, boolean tls, String where) {
        if (!tls && !s.option("caFile", "").isEmpty()) {
            throw new IllegalArgumentException(where + ".options.caFile: only for ircs:// URLs");
        }
        return s.readableFile("caFile", files).map(Path::toString).orElse("");
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "IrcSettings[" + describe() + ", rooms=" + rooms + ", password=" + (password.isEmpty() ? "none" : "***") + ", lineInterval="
                + lineInterval.toMillis() + "ms, lineBurst=" + lineBurst + "]";
    }
}
