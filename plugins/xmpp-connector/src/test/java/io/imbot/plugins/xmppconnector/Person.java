package io.imbot.plugins.xmppconnector;

import io.imbot.testsupport.Prosody;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * A person on the test server: a plain Smack client of its own, trusting the test CA. Keeps every
 * message that arrives, and counts copies by stanza ID the way a receiver deduplicates.
 */
final class Person implements AutoCloseable {

    final String user;
    final BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
    /** Stanza ID -> copies received, over every connection. */
    final Map<String, Integer> copies = new ConcurrentHashMap<>();
    private final Prosody server;
    private final String password;
    private volatile XMPPTCPConnection connection;

    private Person(Prosody server, String user, String password) {
        this.server = server;
        this.user = user;
        this.password = password;
    }

    /** Registers {@code user@localhost} and logs in. */
    static Person register(Prosody server, String user) throws Exception {
        server.register(user, user + "-secret");
        Person p = new Person(server, user, user + "-secret");
        p.login();
        return p;
    }

    /** The bare JID. */
    String jid() {
        return user + "@" + Prosody.DOMAIN;
    }

    /** Logs in on a new connection (after a server restart, say). */
    void login() throws Exception {
        XMPPTCPConnection c = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(Prosody.DOMAIN)
                .setHost("127.0.0.1")
                .setPort(server.port())
                .setUsernameAndPassword(user, password)
                .setResource("test")
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(Trust.fromPem(server.caFile()))
                .build());
        c.setUseStreamManagementResumption(false);
        c.addSyncStanzaListener(stanza -> {
            Message m = (Message) stanza;
            if (m.getStanzaId() != null && m.getBody() != null) {
                copies.merge(m.getStanzaId(), 1, Integer::sum);
            }
            inbox.add(m);
        }, StanzaTypeFilter.MESSAGE);
        c.connect().login();
        connection = c;
    }

    /** Sends a chat message with {@code id}, asking for a receipt when {@code receipt}. */
    void send(String to, String id, String body, boolean receipt) throws Exception {
        var b = StanzaBuilder.buildMessage(id).to(JidCreate.from(to)).ofType(Message.Type.chat).setBody(body);
        if (receipt) {
            b.addExtension(new DeliveryReceiptRequest());
        }
        connection.sendStanza(b.build());
    }

    /** Joins {@code room@conference.localhost} as {@code nick}. */
    MultiUserChat join(String room, String nick) throws Exception {
        EntityBareJid jid = JidCreate.entityBareFrom(room + "@" + Prosody.MUC);
        MultiUserChat muc = MultiUserChatManager.getInstanceFor(connection).getMultiUserChat(jid);
        var created = muc.createOrJoin(muc.getEnterConfigurationBuilder(Resourcepart.from(nick)).requestNoHistory().build());
        if (created != null) {
            created.makeInstant();
        }
        return muc;
    }

    /** The next message with a body, or an error naming what was awaited. */
    Message nextWithBody(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            Message m = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new AssertionError(user + " got no message with a body in " + seconds + " s");
            }
            if (m.getBody() != null) {
                return m;
            }
        }
    }

    @Override
    public void close() {
        XMPPTCPConnection c = connection;
        if (c != null) {
            c.disconnect();
        }
    }
}
