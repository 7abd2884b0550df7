package io.imbot.bench;

import io.imbot.api.connector.ConnectionSettings;
import io.imbot.api.connector.Connector;
import io.imbot.api.connector.ConnectorFactory;
import io.imbot.api.connector.ConnectorHost;
import io.imbot.plugins.ircconnector.IrcConnectorFactory;
import io.imbot.plugins.xmppconnector.XmppConnectorFactory;
import io.imbot.testsupport.Ngircd;
import io.imbot.testsupport.Prosody;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * Parts xmpp and irc: send through the bare client next to the daemon's send path (in-memory
 * HSQLDB) through the connector plugin, against one real server each: Prosody (the end is the
 * server's XEP-0198 ack) and ngIRCd (the end is the line written to the socket; IRC has no ACKs).
 */
final class NetworkBench {

    static final int[] WINDOWS = {1, 100};

    private final Vertx vertx;
    private final Options o;
    private final Samples s;

    NetworkBench(Vertx vertx, Options o, Samples s) {
        this.vertx = vertx;
        this.o = o;
        this.s = s;
    }

    /** Bare Smack, then the XMPP connector, each sending direct messages to an online sink account. */
    void xmppOnce() throws Exception {
        Path dir = Env.tempDir("prosody-");
        try (Prosody server = Prosody.start(dir, Duration.ofSeconds(30))) {
            String sink = Env.uniqueUser("sink");
            server.register(sink, sink);
            XMPPTCPConnection sinkConnection = SmackTarget.login(server, sink);
            try {
                for (int w : WINDOWS) {
                    String bare = Env.uniqueUser("smack");
                    server.register(bare, bare);
                    SmackTarget smack = SmackTarget.connect(server, bare, sink);
                    try {
                        s.record("xmpp.smack.w" + w, Load.closedLoopDirect(smack, w, o.warmup(), o.measure()), o);
                    } finally {
                        smack.close();
                    }
                    String bot = Env.uniqueUser("xbot");
                    server.register(bot, bot);
                    EngineTarget engine = engine(new XmppConnectorFactory(), "xmpp://127.0.0.1:" + server.port(), bot + "@" + Prosody.DOMAIN,
                            bot, List.of(), Map.of("caFile", server.caFile().toString()), sink + "@" + Prosody.DOMAIN);
                    try {
                        s.record("xmpp.connector.w" + w, Load.closedLoop(engine.context(), engine, w, o.warmup(), o.measure()), o);
                    } finally {
                        engine.close();
                    }
                }
            } finally {
                sinkConnection.disconnect();
            }
        } finally {
            Env.deleteTree(dir);
        }
    }

    /**
     * A bare NetSocket client, then the IRC connector with its flood pacing off, each writing to a
     * channel only it is in, on an ngIRCd with penalties off (it would read 3 lines a second).
     */
    void ircOnce() throws Exception {
        Path dir = Env.tempDir("ngircd-");
        try (Ngircd server = Ngircd.start(dir, Ngircd.Setup.PLAIN.withoutPenalties(), Duration.ofSeconds(30))) {
            for (int w : WINDOWS) {
                String channel = "#" + Env.uniqueUser("bench");
                IrcTarget bare = IrcTarget.connect(vertx, server.port(), Env.uniqueUser("raw"), channel);
                try {
                    s.record("irc.raw.w" + w, Load.closedLoop(bare.context(), bare, w, o.warmup(), o.measure()), o);
                } finally {
                    bare.close();
                }
                EngineTarget engine = engine(new IrcConnectorFactory(), "irc://127.0.0.1:" + server.port(), Env.uniqueUser("ibot"), "",
                        List.of(channel), Map.of("lineInterval", "0s", "maxQueuedLines", 1000L), channel);
                try {
                    s.record("irc.connector.w" + w, Load.closedLoop(engine.context(), engine, w, o.warmup(), o.measure()), o);
                } finally {
                    engine.close();
                }
            }
        } finally {
            Env.deleteTree(dir);
        }
    }

    private EngineTarget engine(ConnectorFactory factory, String uri, String user, String token, List<String> rooms,
            Map<String, Object> options, String to) throws Exception {
        ConnectionSettings settings = new ConnectionSettings("bench", factory.kind(), uri, user, token, rooms, Duration.ofMillis(100),
                Duration.ofSeconds(1), options);
        Connector connector = factory.create(settings, host(vertx, factory.kind()));
        return EngineTarget.start(vertx, connector, user, to, false);
    }

    /** What a connector gets from the daemon: the shared Vert.x and a logger. */
    static ConnectorHost host(Vertx vertx, String kind) {
        return new ConnectorHost() {
            @Override
            public <T> Optional<T> platform(Class<T> type) {
                return type == Vertx.class ? Optional.of(type.cast(vertx)) : Optional.empty();
            }

            @Override
            public System.Logger logger() {
                return System.getLogger("bench." + kind);
            }
        };
    }
}
