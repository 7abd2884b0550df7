package io.imbot.bench;

import io.imbot.testsupport.Prosody;
import io.imbot.testsupport.TestCertificates;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.sm.predicates.Predicate;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smack.xml.SmackXmlParser;
import org.jivesoftware.smack.xml.stax.StaxXmlPullParserFactory;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The XMPP anchor and the bare library under imbot's XMPP connector: Smack over STARTTLS to
 * Prosody with stream management, an {@code <r/>} after every message as the connector asks, each
 * message ending at the server's XEP-0198 ack. Sends leave from one thread of their own (Smack's
 * send may block), as the connector's do from its worker.
 */
final class SmackTarget implements Load.Target {

    static {
        SmackXmlParser.setXmlPullParserFactory(new StaxXmlPullParserFactory()); // as the connector does
    }

    private final XMPPTCPConnection connection;
    private final Jid to;
    private final String prefix;
    private final Map<String, Load.Done> awaiting = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-smack-send"));

    private SmackTarget(XMPPTCPConnection connection, Jid to, String prefix) {
        this.connection = connection;
        this.to = to;
        this.prefix = prefix;
    }

    /** Logs in as {@code user} (registered with password {@code user}) and sends to {@code to}'s bare JID. */
    static SmackTarget connect(Prosody server, String user, String to) throws Exception {
        XMPPTCPConnection c = login(server, user);
        SmackTarget t = new SmackTarget(c, JidCreate.entityBareFrom(to + "@" + Prosody.DOMAIN), user + "-");
        c.addStanzaAcknowledgedListener(stanza -> {
            Load.Done done = stanza.getStanzaId() == null ? null : t.awaiting.remove(stanza.getStanzaId());
            if (done != null) {
                done.ended(true);
            }
        });
        return t;
    }

    /** A logged-in connection with stream management for {@code user}, whose password is its name. */
    static XMPPTCPConnection login(Prosody server, String user) throws Exception {
        XMPPTCPConnection c = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(Prosody.DOMAIN)
                .setHost("127.0.0.1")
                .setPort(server.port())
                .setUsernameAndPassword(user, user)
                .setResource("bench")
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(TestCertificates.trustManager(server.caFile()))
                .build());
        c.setUseStreamManagement(true);
        c.setUseStreamManagementResumption(false);
        c.addRequestAckPredicate(Predicate.forMessagesOrAfter5Stanzas());
        c.connect().login();
        if (!c.isSmEnabled()) {
            throw new IllegalStateException("Prosody did not enable stream management");
        }
        return c;
    }

    @Override
    public void send(long seq, Load.Done done) {
        String id = prefix + seq;
        awaiting.put(id, done);
        sender.execute(() -> {
            try {
                connection.sendStanza(StanzaBuilder.buildMessage(id).to(to).ofType(Message.Type.chat).setBody(Payload.BODY).build());
            } catch (Exception e) {
                if (awaiting.remove(id) != null) {
                    done.ended(false);
                }
            }
        });
    }

    void close() {
        sender.shutdownNow();
        connection.disconnect();
    }
}
