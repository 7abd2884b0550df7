package io.imbot.distribution;

import io.imbot.testsupport.Prosody;
import io.imbot.testsupport.TestCertificates;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.impl.JidCreate;

/** People on the real networks of {@link NetworksIT}, each with the plainest client of that network. */
final class People {

    private People() {}

    private static <T> T next(BlockingQueue<T> heard, String who) throws InterruptedException {
        T m = heard.poll(Launcher.seconds(30), TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError(who + " heard nothing within " + Launcher.seconds(30) + " s");
        }
        return m;
    }

    /** A person on the broker: publishes imbot's JSON payload, hears their own topic and #lobby. */
    static final class OnMqtt implements AutoCloseable {
        private final String name;
        private final MqttClient client;
        private final BlockingQueue<JsonObject> heard = new LinkedBlockingQueue<>();

        OnMqtt(Vertx vertx, int port, String name) throws Exception {
            this.name = name;
            client = MqttClient.create(vertx, new MqttClientOptions().setClientId("person-" + name));
            client.publishHandler(m -> {
                JsonObject payload = m.payload().toJsonObject();
                if (!payload.getString("from").equals(name)) {
                    heard.add(payload);
                }
            });
            client.connect(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            client.subscribe(Map.of("imbot/users/" + name, 1, "imbot/rooms/lobby", 1)).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        }

        void say(String topic, String id, String body) throws Exception {
            JsonObject payload = new JsonObject().put("id", id).put("from", name).put("body", body).put("ts", System.currentTimeMillis());
            client.publish(topic, Buffer.buffer(payload.encode()), MqttQoS.AT_LEAST_ONCE, false, false).toCompletionStage()
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
        }

        Map<String, Object> next() throws InterruptedException {
            return People.next(heard, name).getMap();
        }

        @Override
        public void close() throws Exception {
            client.disconnect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** A person on Prosody with Smack, over STARTTLS, trusting the test CA. */
    static final class OnXmpp implements AutoCloseable {
        private final XMPPTCPConnection connection;
        private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();

        private OnXmpp(XMPPTCPConnection connection) {
            this.connection = connection;
        }

        static OnXmpp register(Prosody server, String user) throws Exception {
            server.register(user, user + "-secret");
            XMPPTCPConnection c = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(Prosody.DOMAIN).setHost("127.0.0.1").setPort(server.port())
                    .setUsernameAndPassword(user, user + "-secret").setResource("test")
                    .setSecurityMode(SecurityMode.required).setCustomX509TrustManager(TestCertificates.trustManager(server.caFile())).build());
            OnXmpp person = new OnXmpp(c);
            c.addAsyncStanzaListener(stanza -> {
                Message m = (Message) stanza;
                if (m.getBody() != null) {
                    person.heard.add(m.getFrom().asBareJid() + ": " + m.getBody());
                }
            }, StanzaTypeFilter.MESSAGE);
            c.connect().login();
            return person;
        }

        void say(String to, String body) throws Exception {
            connection.sendStanza(StanzaBuilder.buildMessage().to(JidCreate.from(to)).ofType(Message.Type.chat).setBody(body).build());
        }

        /** The next message with a body, as {@code from: body}. */
        String next() throws InterruptedException {
            return People.next(heard, connection.getUser() + "");
        }

        @Override
        public void close() {
            connection.disconnect();
        }
    }

    /** A person on ngIRCd over a plain socket: registers, joins a channel, answers the server's PINGs. */
    static final class OnIrc implements AutoCloseable {
        private final String nick;
        private final Socket socket;
        private final OutputStream out;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        private OnIrc(String nick, Socket socket) throws Exception {
            this.nick = nick;
            this.socket = socket;
            this.out = socket.getOutputStream();
            Thread reader = new Thread(this::read, "irc-" + nick);
            reader.setDaemon(true);
            reader.start();
        }

        static OnIrc join(int port, String nick, String channel) throws Exception {
            OnIrc p = new OnIrc(nick, new Socket("127.0.0.1", port));
            p.send("NICK " + nick);
            p.send("USER " + nick + " 0 * :" + nick);
            p.await(" 001 ");
            p.send("JOIN " + channel);
            p.await(" 366 "); // end of the channel's names: joined
            return p;
        }

        void say(String target, String text) throws Exception {
            send("PRIVMSG " + target + " :" + text);
        }

        /** The next PRIVMSG from someone else, as {@code nick in #channel: text} (or {@code nick: text} when private). */
        String next() throws InterruptedException {
            while (true) {
                String line = People.next(lines, nick);
                int privmsg = line.indexOf(" PRIVMSG ");
                if (line.startsWith(":") && privmsg > 0) {
                    String from = line.substring(1, line.indexOf('!') > 0 ? line.indexOf('!') : privmsg);
                    String rest = line.substring(privmsg + 9);
                    String target = rest.substring(0, rest.indexOf(' '));
                    String text = rest.substring(rest.indexOf(" :") + 2);
                    return target.startsWith("#") ? from + " in " + target + ": " + text : from + ": " + text;
                }
            }
        }

        private void await(String marker) throws InterruptedException {
            while (!People.next(lines, nick).contains(marker)) {
                // skip the server's notices until the marker
            }
        }

        private void send(String line) throws Exception {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("PING ")) {
                        send("PONG " + line.substring(5));
                    } else {
                        lines.add(line);
                    }
                }
            } catch (Exception e) {
                // the connection closed
            }
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }
}
