package io.imbot.plugins.xmppconnector;

import io.imbot.api.connector.ConnectionSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * One XMPP connection, read from its configured {@link ConnectionSettings}.
 *
 * @param name the connection's name, for thread names and messages
 * @param host the server's host (from the URL)
 * @param port the server's port, 5222 unless the URL says otherwise
 * @param account the bot's bare JID, such as {@code bot@example.org}: its login and its address
 * @param password the account's password (the connection's token)
 * @param resource the resource the bot binds; a second login with the same resource replaces the first
 * @param nickname the bot's nickname in rooms
 * @param mucService the MUC service's domain: {@code #room} is {@code room@mucService}
 * @param rooms the rooms ({@code #name}) joined after every login
 * @param requireTls whether a server without STARTTLS is refused (else TLS is used when offered)
 * @param caFile a PEM file of the certificates to trust; empty for the JVM's trust store
 * @param verifyHost whether the server's certificate must name the account's domain
 * @param streamManagement whether XEP-0198 is required, its acks being the connector's confirmations
 * @param connectTimeout how long the TCP connect and each step of the login may take
 * @param keepAlive how long the connection may be quiet before the connector pings the server (XEP-0199); zero for never
 * @param maxInflight how many messages may wait for their ack at once
 * @param initialDelay the first reconnect delay
 * @param maxDelay the longest reconnect delay
 * @param resetAfter how long a connection must stay up for the backoff to start over
 */
record XmppSettings(String name, String host, int port, EntityBareJid account, String password, String resource, String nickname,
        String mucService, List<String> rooms, boolean requireTls, String caFile, boolean verifyHost, boolean streamManagement,
        Duration connectTimeout, Duration keepAlive, int maxInflight, Duration initialDelay, Duration maxDelay, Duration resetAfter) {

    /** XMPP's client port. */
    static final int DEFAULT_PORT = 5222;

    /**
     * The most messages waiting for their ack: Smack's writer queue holds 500 elements, and each
     * message takes two (itself and its ack request); below that, handing a message to Smack never
     * waits.
     */
    static final int MAX_INFLIGHT = 200;

    XmppSettings {
        rooms = List.copyOf(rooms);
    }

    /**
     * Reads a configured connection: {@code url} is {@code xmpp://host[:port]}; {@code user} is the
     * bot's bare JID ({@code bot@example.org}), or only its local part, the domain then being the
     * URL's host; {@code token} is the password.
     *
     * @param files turns a configured file name ({@code caFile}) into the path to open
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    static XmppSettings from(ConnectionSettings s, Function<String, Path> files) {
        String where = "connections." + s.name();
        URI url = parseUrl(s.url(), where + ".url");
        int port = url.getPort() > 0 ? url.getPort() : DEFAULT_PORT;
        EntityBareJid account = account(s.user().contains("@") ? s.user() : s.user() + "@" + url.getHost(), where + ".user");
        if (s.token().isEmpty()) {
            throw new IllegalArgumentException(where + ".token: the account's password is required");
        }
        String resource = s.option("resource", "imbot");
        check(() -> Resourcepart.from(resource), where + ".options.resource", resource);
        String nickname = s.option("nickname", account.getLocalpart().toString());
        check(() -> Resourcepart.from(nickname), where + ".options.nickname", nickname);
        String mucService = s.option("mucService", "conference." + account.getDomain());
        check(() -> {
            if (!mucService.matches("[^\\s@/\"'<>&:]+")) {
                throw new IllegalArgumentException("not a domain"); // jxmpp's default stringprep lets these through
            }
            JidCreate.domainBareFrom(mucService);
        }, where + ".options.mucService", mucService);
        for (String room : s.rooms()) {
            String bad = Addresses.checkRoom(room);
            if (bad != null) {
                throw new IllegalArgumentException(where + ".rooms: '" + room + "': " + bad);
            }
        }
        Duration keepAlive = s.option("keepAlive", Duration.ofSeconds(60));
        Duration connectTimeout = s.option("connectTimeout", Duration.ofSeconds(10));
        if (connectTimeout.toMillis() < 1 || connectTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(where + ".options.connectTimeout: expected 1ms to 24d, got " + connectTimeout);
        }
        long maxInflight = s.option("maxInflight", 100L);
        if (maxInflight < 1 || maxInflight > MAX_INFLIGHT) {
            throw new IllegalArgumentException(where + ".options.maxInflight: expected 1 to " + MAX_INFLIGHT + ", got " + maxInflight);
        }
        return new XmppSettings(s.name(), url.getHost(), port, account, s.token(), resource, nickname, mucService, s.rooms(),
                s.option("requireTls", true), caFile(s, files, where), s.option("verifyHost", true), s.option("streamManagement", true),
                connectTimeout, keepAlive, (int) maxInflight, s.reconnectInitial(), s.reconnectMax(),
                s.option("resetAfter", Duration.ofSeconds(60)));
    }

    /** How logs name the connection: {@code xmpp://host:port as bot@example.org}. */
    String describe() {
        return "xmpp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + " as " + account;
    }

    private static URI parseUrl(String text, String where) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + ": not a URL: " + e.getMessage());
        }
        if (!"xmpp".equals(url.getScheme()) || url.getHost() == null || (url.getPath() != null && !url.getPath().isEmpty())) {
            throw new IllegalArgumentException(where + ": expected xmpp://host or xmpp://host:port, got '" + text + "'");
        }
        return url;
    }

    private static EntityBareJid account(String jid, String where) {
        if (jid.contains("/") || Addresses.person(jid) == null) {
            throw new IllegalArgumentException(where + ": expected the bot's bare JID such as bot@example.org (the option resource"
                    + " names the resource), got '" + jid + "'");
        }
        try {
            return JidCreate.entityBareFrom(jid);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": expected the bot's bare JID such as bot@example.org, got '" + jid + "'");
        }
    }

    private interface Parse {
        void run() throws XmppStringprepException;
    }

    private static void check(Parse parse, String where, String value) {
        try {
            parse.run();
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": not valid in XMPP: '" + value + "'");
        }
    }

    private static String caFile(ConnectionSettings s, Function<String, Path> files, String where) {
        Optional<Path> file = s.readableFile("caFile", files);
        try {
            file.ifPresent(Trust::fromPem); // read again at each connect, so a renewed file is taken up
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".options.caFile: " + e.getMessage());
        }
        return file.map(Path::toString).orElse("");
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "XmppSettings[" + describe() + "/" + resource + ", nickname=" + nickname + ", rooms=" + rooms + ", password=***]";
    }
}
