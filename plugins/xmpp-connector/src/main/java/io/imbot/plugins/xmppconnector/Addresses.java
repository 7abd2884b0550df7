package io.imbot.plugins.xmppconnector;

import java.util.regex.Pattern;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Localpart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * imbot addresses on XMPP. A person is a bare JID ({@code alice@example.org}); a full JID ({@code
 * room@conference.example.org/alice}) reaches one session, which is how a private message to a room
 * occupant is answered. A room {@code #name} is the MUC room {@code name@<mucService>}.
 */
final class Addresses {

    /** Characters RFC 7622 forbids in a JID's local part, and whitespace. */
    private static final Pattern FORBIDDEN_IN_LOCALPART = Pattern.compile("[\"&'/:<>@\\s]");

    private Addresses() {}

    /** {@code null} when {@code address} is a person's JID or a {@code #room} here, else why not. */
    static String check(String address) {
        if (address.startsWith("#")) {
            return checkRoom(address);
        }
        return person(address) == null ? "not an XMPP address such as alice@example.org" : null;
    }

    /** {@code null} when {@code room} is {@code #} and a valid local part of a JID, else why not. */
    static String checkRoom(String room) {
        if (!room.startsWith("#") || room.length() < 2) {
            return "a room is # and a name, such as #lobby";
        }
        String name = room.substring(1);
        if (name.contains("@") || name.contains("/")) {
            return "a room name has no @ or /; the MUC service is the option mucService";
        }
        try {
            Localpart.from(name);
            return null;
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return "not a valid room name in XMPP";
        }
    }

    /** The person {@code address} names, or {@code null} when it is no JID with a local part. */
    static EntityJid person(String address) {
        int at = address.indexOf('@');
        int slash = address.indexOf('/', Math.max(at, 0));
        String domain = at < 0 ? "" : address.substring(at + 1, slash < 0 ? address.length() : slash);
        if (at < 1 || FORBIDDEN_IN_LOCALPART.matcher(address.substring(0, at)).find() || domain.isEmpty() || domain.contains("@")) {
            return null; // jxmpp's default stringprep lets these through; RFC 7622 does not
        }
        try {
            return JidCreate.entityFrom(address);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The MUC room of {@code room} ({@code #name}, already checked). */
    static EntityBareJid room(String room, String mucService) {
        return JidCreate.entityBareFromOrThrowUnchecked(room.substring(1) + "@" + mucService);
    }
}
