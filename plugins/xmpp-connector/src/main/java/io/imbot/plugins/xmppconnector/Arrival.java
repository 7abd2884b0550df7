package io.imbot.plugins.xmppconnector;

import io.imbot.api.connector.InboundMessage;
import java.util.Date;
import java.util.Map;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.delay.DelayInformationManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Which arriving {@code <message/>} stanzas the engine sees, and as what.
 *
 * <ul>
 *   <li>{@code chat} or {@code normal} with a body, from a person: {@code from} is the sender's
 *       bare JID, {@code to} the bot's. From an occupant of a joined room (a private message),
 *       {@code from} is the occupant's full JID {@code room@service/nick}, which is where an answer
 *       goes.
 *   <li>{@code groupchat} with a body from a joined room: {@code to} is {@code #room}, {@code from}
 *       the occupant's nickname. Nicknames are what every occupant sees; a room need not reveal real
 *       JIDs, and a nickname can be taken by anyone, so a bot must not grant rights by it.
 *   <li>Ignored: no body (chat states, receipts, subjects), errors, headlines, anything from the
 *       server or from the bot's own account, the room's own notices, and the bot's own room
 *       messages coming back.
 * </ul>
 *
 * <p>{@code sentAt} is the XEP-0203 delay stamp (a message kept offline), else 0.
 */
final class Arrival {

    private Arrival() {}

    /**
     * The engine's message for {@code m}, or {@code null} when the engine does not see it.
     *
     * @param rooms the joined rooms' JIDs and their {@code #names}
     */
    static InboundMessage of(Message m, EntityBareJid account, String nickname, Map<EntityBareJid, String> rooms) {
        String body = m.getBody();
        Jid from = m.getFrom();
        if (body == null || body.isEmpty() || from == null || !from.hasLocalpart()) {
            return null;
        }
        EntityBareJid bare = from.asEntityBareJidIfPossible();
        String room = rooms.get(bare);
        return switch (m.getType()) {
            case groupchat -> {
                Resourcepart nick = from.getResourceOrNull();
                if (room == null || nick == null || nick.toString().equals(nickname)) {
                    yield null; // not a room of ours, the room itself, or our own message coming back
                }
                yield message(m, nick.toString(), room, body);
            }
            case chat, normal -> {
                if (bare.equals(account)) {
                    yield null; // another session of the bot's own account
                }
                yield message(m, room != null ? from.toString() : bare.toString(), account.toString(), body);
            }
            default -> null;
        };
    }

    private static InboundMessage message(Message m, String from, String to, String body) {
        Date delayed = DelayInformationManager.getDelayTimestamp(m);
        return new InboundMessage(InboundIds.of(from, m.getStanzaId()), from, to, body, delayed == null ? 0 : delayed.getTime());
    }
}
