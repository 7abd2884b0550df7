package io.imbot.plugins.ircconnector;

/**
 * Which {@link IrcSession} method a line from the server goes to. Replies the connector has no use
 * for (the MOTD, NAMES, ISUPPORT, NOTICEs) go nowhere. NOTICEs are not passed on: RFC 2812 says
 * no automatic reply may answer one, and a bot is an automatic replier.
 */
final class IrcDispatch {

    private IrcDispatch() {}

    static void handle(IrcSession s, IrcLine line) {
        switch (line.command()) {
            case "PING" -> s.pong(line.last());
            case "ERROR" -> s.serverError(line.last());
            case "PRIVMSG" -> s.privmsg(line);
            case "JOIN" -> s.joined(line.nick(), line.param(0));
            case "NICK" -> s.nickChanged(line.nick(), line.param(0));
            case "KICK" -> s.kicked(line.param(0), line.param(1), line.nick(), line.param(2));
            case "001" -> s.welcomed(line.param(0));
            case "432" -> s.nickRefused(line.last()); // ERR_ERRONEUSNICKNAME
            case "433", "436" -> s.nickTaken(line.last()); // ERR_NICKNAMEINUSE, ERR_NICKCOLLISION
            case "437" -> unavailable(s, line); // ERR_UNAVAILRESOURCE: a nick or a channel
            case "464" -> s.refused("the server refused the password: " + line.last()); // ERR_PASSWDMISMATCH
            case "465" -> s.refused("the server bans the bot: " + line.last()); // ERR_YOUREBANNEDCREEP
            case "403" -> noSuchChannel(s, line); // ERR_NOSUCHCHANNEL: a JOIN or a PRIVMSG
            case "405", "471", "473", "474", "475", "476", "477", "448", "489" -> s.joinRefused(line.param(1), line.last());
            case "401", "404" -> s.notDelivered(line.param(1), line.last()); // ERR_NOSUCHNICK, ERR_CANNOTSENDTOCHAN
            default -> {
                // nothing to do
            }
        }
    }

    private static void noSuchChannel(IrcSession s, IrcLine line) {
        if (!s.joinRefused(line.param(1), line.last())) {
            s.notDelivered(line.param(1), line.last());
        }
    }

    private static void unavailable(IrcSession s, IrcLine line) {
        if (line.param(1).startsWith("#")) {
            s.joinRefused(line.param(1), line.last());
        } else {
            s.nickTaken(line.last());
        }
    }
}
