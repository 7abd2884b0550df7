package io.imbot.plugins.xmppconnector;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.sm.predicates.Predicate;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Smack connection, from connect to close; a new one for every attempt, so Smack never sends
 * again on a new stream what an old one left unacknowledged (the engine retransmits, with the same
 * IDs). Its blocking methods run on the connector's worker thread, one at a time; Smack's own
 * threads report through {@link Events}, which the connector moves onto its context.
 */
final class Session {

    /** What Smack's threads report; called on those threads. */
    interface Events {
        /** A {@code <message/>} arrived; called in arrival order, before Smack reads the next element (an ack, say). */
        void message(Session s, Message m);

        /** The server acknowledged (XEP-0198) the stanza {@code id}. */
        void acked(Session s, String id);

        /** The connection closed, by error or by the server. */
        void closed(Session s, Throwable error);
    }

    private static final Logger log = LoggerFactory.getLogger(Session.class);

    private final XmppSettings settings;
    private final Events events;
    /** Set on the worker by {@link #open}; read by the connector only to compare and to close. */
    private volatile XMPPTCPConnection connection;

    Session(XmppSettings settings, Events events) {
        this.settings = settings;
        this.events = events;
    }

    /** Connects, logs in and checks stream management. Blocking: on the worker. */
    void open() throws Exception {
        SmackSetup.ensure();
        XMPPTCPConnection c = new XMPPTCPConnection(configuration());
        connection = c;
        c.setReplyTimeout(settings.connectTimeout().toMillis());
        // A fresh connection per attempt: never resumed, so nothing is sent twice by Smack itself.
        c.setUseStreamManagement(settings.streamManagement());
        c.setUseStreamManagementResumption(false);
        c.addRequestAckPredicate(Predicate.forMessagesOrAfter5Stanzas()); // an <r/> after every message
        c.addStanzaAcknowledgedListener(stanza -> {
            if (stanza instanceof Message && stanza.getStanzaId() != null) {
                events.acked(this, stanza.getStanzaId());
            }
        });
        // Smack's reader thread waits for this kind of listener before it reads on, so a bounce is
        // reported before the ack that follows it, and messages keep their order.
        c.addStanzaListener(stanza -> events.message(this, (Message) stanza), StanzaTypeFilter.MESSAGE);
        c.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosed() {
                events.closed(Session.this, null);
            }

            @Override
            public void connectionClosedOnError(Exception e) {
                events.closed(Session.this, e);
            }
        });
        PingManager.getInstanceFor(c).setPingInterval(0); // the connector pings, with its own timeout
        DeliveryReceiptManager.getInstanceFor(c).setAutoReceiptMode(DeliveryReceiptManager.AutoReceiptMode.disabled);
        c.connect();
        c.login();
        if (settings.streamManagement() && !c.isSmEnabled()) {
            throw new SmackException.FeatureNotSupportedException("stream management (XEP-0198), which streamManagement: true requires");
        }
        // One round trip: once answered, the server has also handled the available presence sent
        // before it, so messages to the bot's bare JID reach this session rather than offline storage.
        PingManager.getInstanceFor(c).ping(c.getXMPPServiceDomain(), settings.connectTimeout().toMillis());
    }

    /**
     * Joins {@code rooms} (each {@code #name}) without their history, creating a room that does not
     * exist yet. Blocking: on the worker.
     *
     * @return the rooms joined, by JID; a room that could not be joined is logged and left out
     */
    Map<EntityBareJid, String> join(Iterable<String> rooms) throws InterruptedException {
        Map<EntityBareJid, String> joined = new LinkedHashMap<>();
        MultiUserChatManager mucs = MultiUserChatManager.getInstanceFor(connection);
        Resourcepart nick = Resourcepart.fromOrThrowUnchecked(settings.nickname());
        for (String room : rooms) {
            EntityBareJid jid = Addresses.room(room, settings.mucService());
            MultiUserChat muc = mucs.getMultiUserChat(jid);
            try {
                MultiUserChat.MucCreateConfigFormHandle created = muc.createOrJoin(
                        muc.getEnterConfigurationBuilder(nick).requestNoHistory().build());
                if (created != null) {
                    created.makeInstant(); // a new room stays locked until configured
                }
                joined.put(jid, room);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                log.warn("{}: cannot join {} ({}) as {}: {}; sends to it are refused until the next connection", settings.describe(),
                        room, jid, nick, Problems.explain(e, settings));
            }
        }
        return joined;
    }

    /** Hands {@code m} to Smack's writer. Blocking, briefly: on the worker. */
    void send(Message m) throws SmackException.NotConnectedException, InterruptedException {
        XMPPTCPConnection c = connection;
        if (c == null) {
            throw new SmackException.NotConnectedException();
        }
        c.sendStanza(m);
    }

    /** Pings the server; {@code failed} hears of a missing answer. On the worker; returns at once. */
    void ping(long timeoutMillis, Runnable failed) {
        XMPPTCPConnection c = connection;
        if (c == null || !c.isAuthenticated()) {
            return;
        }
        PingManager.getInstanceFor(c).pingAsync(c.getXMPPServiceDomain(), timeoutMillis)
                .onError(e -> failed.run())
                .onSuccess(pong -> {
                    if (!Boolean.TRUE.equals(pong)) {
                        failed.run();
                    }
                });
    }

    /** Epoch milliseconds of the last stanza received, 0 before any. */
    long lastReceived() {
        XMPPTCPConnection c = connection;
        return c == null ? 0 : c.getLastStanzaReceived();
    }

    /**
     * Closes the stream politely (unavailable presence, closing tag, a wait for the server's) when
     * {@code polite} and it is up, else drops the socket at once. Blocking: on the worker.
     */
    void close(boolean polite) {
        XMPPTCPConnection c = connection;
        if (c == null) {
            return;
        }
        if (polite && c.isAuthenticated()) {
            c.disconnect();
        } else {
            c.instantShutdown();
        }
    }

    private XMPPTCPConnectionConfiguration configuration() throws Exception {
        XMPPTCPConnectionConfiguration.Builder b = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(settings.account().asDomainBareJid())
                .setHost(settings.host())
                .setPort(settings.port())
                .setUsernameAndPassword(settings.account().getLocalpart(), settings.password())
                .setResource(settings.resource())
                .setSecurityMode(settings.requireTls() ? SecurityMode.required : SecurityMode.ifpossible)
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setCompressionEnabled(false)
                .setSendPresence(true); // available, so messages to the bare JID reach this session
        if (!settings.caFile().isEmpty()) {
            b.setCustomX509TrustManager(Trust.fromPem(Path.of(settings.caFile())));
        }
        if (!settings.verifyHost()) {
            b.setHostnameVerifier((host, session) -> true);
        }
        return b.build();
    }
}
