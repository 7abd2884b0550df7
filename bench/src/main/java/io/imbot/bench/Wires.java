package io.imbot.bench;

import io.imbot.plugins.imbotconnector.ImbotOptions.Transport;
import io.imbot.server.ImServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ways the server JVM can be reached besides plain TCP, from its {@code WIRES} line: the
 * WebSocket port of the plain server, and the TLS and WebSocket-over-TLS ports of its second server,
 * whose certificate {@code caFile} signed.
 */
record Wires(int ws, int tls, int wss, Path caFile) {

    /** The wires measured beside plain TCP, in table order. */
    static final List<String> NAMES = List.of("tls", "ws", "wss");

    /** Parses {@code WIRES ws=n tls=n wss=n}. */
    static Wires parse(String line, Path caFile) {
        Map<String, Integer> ports = new HashMap<>();
        for (String part : line.substring(line.indexOf("WIRES ") + 6).trim().split("\\s+")) {
            String[] kv = part.split("=", 2);
            ports.put(kv[0], Integer.parseInt(kv[1]));
        }
        return new Wires(ports.get("ws"), ports.get("tls"), ports.get("wss"), caFile);
    }

    int port(String wire) {
        return switch (wire) {
            case "ws" -> ws;
            case "tls" -> tls;
            case "wss" -> wss;
            default -> throw new IllegalArgumentException("unknown wire " + wire);
        };
    }

    /** How the connector reaches {@code wire}: TLS checks the host name against the certificate. */
    Transport transport(String wire) {
        boolean webSocket = wire.startsWith("ws");
        boolean secure = !wire.equals("ws");
        return new Transport(webSocket, secure, webSocket ? ImServer.WEB_SOCKET_PATH : "", secure ? caFile.toString() : "", true);
    }
}
