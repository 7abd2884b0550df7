package io.imbot.core.testing;

import static io.imbot.core.testing.Futures.await;

import io.imbot.core.admin.AdminServer;
import io.imbot.core.admin.AdminToken;
import io.imbot.core.config.ConfigLoader;
import io.imbot.core.config.ImbotConfig;
import io.imbot.core.history.MessageStore;
import io.imbot.core.plugin.PluginHost;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * An admin server on a free loopback port, and raw HTTP over real sockets to it: a test writes
 * exactly the request line and headers a browser, a script or an attacker would send.
 */
public final class AdminFixture implements AutoCloseable {

    /** An answer: status code, JSON body (empty when the body is not JSON) and the raw text. */
    public record Answer(int status, JsonObject body, String raw) {}

    public final Vertx vertx;
    /** The server this fixture started, or {@code null}. */
    public final AdminServer server;
    public final ImbotConfig.Admin config;
    public final int port;
    /** Held for as long as the fixture: Vert.x shuts an unreachable client down after a GC. */
    private final NetClient net;

    private AdminFixture(Vertx vertx, AdminServer server, ImbotConfig.Admin config, int port) {
        this.vertx = vertx;
        this.server = server;
        this.config = config;
        this.port = port;
        this.net = vertx.createNetClient();
    }

    /** The admin configuration of {@code home} with {@code settings} ({@code imbot.*} properties) and port 0. */
    public static ImbotConfig.Admin config(Path home, String... settings) throws Exception {
        Properties p = new Properties();
        p.setProperty("imbot.admin.port", "0");
        for (int i = 0; i < settings.length; i += 2) {
            p.setProperty(settings[i], settings[i + 1]);
        }
        return new ConfigLoader(Map.of(), p).load(home, null).admin();
    }

    /** Starts a server in {@code home}; {@code store} and {@code plugins} may be null when the test needs neither. */
    public static AdminFixture start(Vertx vertx, Path home, MessageStore store, PluginHost plugins, String... settings) throws Exception {
        ImbotConfig.Admin config = config(home, settings);
        AdminServer server = new AdminServer(vertx, store, plugins, () -> new JsonObject().put("user", "bot"),
                () -> io.vertx.core.Future.succeededFuture(new JsonObject().put("ready", true)), () -> "", "bot");
        int port = await(server.start(config));
        return new AdminFixture(vertx, server, config, port);
    }

    /** Raw HTTP to the admin API of a daemon started elsewhere (which also stops it). */
    public static AdminFixture of(Vertx vertx, DaemonFixture daemon) {
        return new AdminFixture(vertx, null, daemon.config.admin(), daemon.daemon.adminPort());
    }

    /** The token the server was started with: the configured one, else the token file's. */
    public String token() throws Exception {
        return config.token().isEmpty() ? AdminToken.read(config.tokenFile()) : config.token();
    }

    /** {@code Host: 127.0.0.1:PORT} and the right token. */
    public String headers() throws Exception {
        return "Host: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token() + "\r\n";
    }

    /** GET with the right Host and token. */
    public Answer get(String path) throws Exception {
        return send("GET " + path + " HTTP/1.1\r\n" + headers() + "\r\n");
    }

    /** POST of a JSON body with the right Host and token. */
    public Answer postJson(String path, String json) throws Exception {
        return send(post(path, headers() + "Content-Type: application/json\r\n", json));
    }

    /** A POST request's text: {@code headers} (each ending in CRLF) and a body with its Content-Length. */
    public static String post(String path, String headers, String body) {
        return "POST " + path + " HTTP/1.1\r\n" + headers + "Content-Length: " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                + "\r\n\r\n" + body;
    }

    /** Sends {@code request} as is on a new connection and reads until the server closes it. */
    public Answer send(String request) {
        return await(sendAsync(request), 10);
    }

    /** Like {@link #send}, without blocking. */
    public Future<Answer> sendAsync(String request) {
        return connect().compose(s -> exchangeAsync(s, request));
    }

    /** Sends {@code request} on {@code socket} and reads until the server closes it. */
    public Answer exchange(NetSocket socket, String request) {
        return await(exchangeAsync(socket, request), 10);
    }

    private static Future<Answer> exchangeAsync(NetSocket socket, String request) {
        Promise<String> done = Promise.promise();
        Buffer in = Buffer.buffer();
        socket.handler(in::appendBuffer);
        socket.closeHandler(v -> done.complete(in.toString()));
        socket.write(request);
        return done.future().map(AdminFixture::parse);
    }

    private static Answer parse(String raw) {
        if (raw.length() < 12) {
            return new Answer(0, new JsonObject(), raw);
        }
        int status = Integer.parseInt(raw.substring(9, 12));
        String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
        JsonObject json;
        try {
            json = new JsonObject(body);
        } catch (RuntimeException e) {
            json = new JsonObject();
        }
        return new Answer(status, json, raw);
    }

    /** A new raw connection to the server. */
    public Future<NetSocket> connect() {
        return net.connect(port, "127.0.0.1");
    }

    @Override
    public void close() {
        if (server != null) {
            await(server.stop());
        }
        await(net.close());
    }
}
