package io.imbot.plugins.ircconnector;

import io.imbot.api.connector.InboundMessage;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns the PRIVMSGs of one connection into inbound messages. IRC messages have no IDs: each gets
 * a random per-connection prefix and a counter ({@code 3w5e11264sgsg-17}), 1-128 characters without
 * spaces or control characters as imbot's IDs must be, and never the same on two connections.
 *
 * <p>A message to the bot's nick (whatever alternative it uses) is addressed to its configured
 * user; a message to a channel to the channel, spelled as configured when it is one of the rooms.
 * A CTCP ACTION arrives as {@code /me text}; other CTCP requests, the bot's own messages and
 * messages that are empty once formatting codes are removed are left out.
 */
final class Inbound {

    private final IrcSettings settings;
    private final String idPrefix = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    private long count;

    Inbound(IrcSettings settings) {
        this.settings = settings;
    }

    /** The message a PRIVMSG carries, or {@code null} when it is none for the bot. */
    InboundMessage read(IrcLine line, String currentNick) {
        if (!line.fromUser() || line.params().size() < 2) {
            return null;
        }
        String from = line.nick();
        String to = recipient(line.param(0), currentNick);
        if (to == null || IrcNames.same(from, currentNick)) {
            return null; // not for the bot, or its own message coming back
        }
        String text = line.last();
        String action = IrcText.action(text);
        if (action != null) {
            text = "/me " + action;
        } else if (IrcText.isCtcp(text)) {
            return null;
        }
        String body = IrcText.clean(text);
        return body.isBlank() ? null : new InboundMessage(idPrefix + "-" + ++count, from, to, body, 0);
    }

    private String recipient(String target, String currentNick) {
        String t = target;
        while (t.length() > 1 && "@%+~&".indexOf(t.charAt(0)) >= 0 && t.indexOf('#') > 0) {
            t = t.substring(1); // a message to the channel's operators (STATUSMSG) is a message to the channel
        }
        if (t.startsWith("#")) {
            for (String room : settings.rooms()) {
                if (IrcNames.same(room, t)) {
                    return room;
                }
            }
            return t;
        }
        return IrcNames.same(t, currentNick) ? settings.nick() : null;
    }
}
