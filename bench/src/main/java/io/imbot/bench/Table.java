package io.imbot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The suite's table: medians of every run, each next to its baseline and its target. */
final class Table {

    /** One line of the table; {@code value} is NaN when the figure is missing ({@code note} says why). */
    record Row(String id, String what, double value, String unit, String latency, String baseline, String ratio, String target,
            String met, String note) {}

    private static final Map<String, String> WIRE_NAMES = Map.of("tls", "TLS", "ws", "WebSocket", "wss", "WebSocket over TLS");

    private final Samples s;
    private final List<Row> rows = new ArrayList<>();

    Table(Samples s) {
        this.s = s;
    }

    List<Row> rows() {
        return rows;
    }

    Table build(Options o) {
        if (o.runs("send")) {
            for (int w : SendBench.WINDOWS) {
                String big = w == 1000 ? "" : null;
                add("raw.w" + w, "1a send+ACK, bare NetSocket, window " + w, "raw.w" + w + ".rate", "msg/s", true, null, null, null, null);
                add("mem.w" + w, "1b send+ACK, daemon path, in-memory HSQLDB, window " + w, "mem.w" + w + ".rate", "msg/s", true,
                        "bare NetSocket", "raw.w" + w + ".rate",
                        big == null ? null : ">= 300,000 msg/s and >= 50% of bare", w == 1000 ? v -> v >= 300_000 && ratio("mem.w1000.rate", "raw.w1000.rate") >= 0.5 : null);
                add("durable.w" + w, "1c send+ACK, daemon path, durable HSQLDB, window " + w, "durable.w" + w + ".rate", "msg/s", true,
                        "in-memory", "mem.w" + w + ".rate", w == 1000 ? ">= 20,000 msg/s" : null, w == 1000 ? v -> v >= 20_000 : null);
            }
            add("plain", "1d plain batched durable inserts, 1000 rows/commit", "plain.rate", "rows/s", false, null, null, null, null);
            add("durable.vs.plain", "1e durable path (window 1000) vs plain inserts", "durable.w1000.rate", "msg/s", false,
                    "plain inserts", "plain.rate", ">= 80% of plain", v -> ratio("durable.w1000.rate", "plain.rate") >= 0.8);
            int rate = o.quick() ? 500 : 5000;
            add("durable.r" + rate, "1f durable path at " + rate + " msg/s offered (ACK latency)", "durable.r" + rate + ".rate", "msg/s", true,
                    null, null, "p99 <= 10 ms", v -> s.median("durable.r" + rate + ".p99") <= 10);
            for (String wire : Wires.NAMES) {
                add("wire." + wire, "1g send+ACK, daemon path, in-memory HSQLDB, window 1000, over " + WIRE_NAMES.get(wire),
                        "wire." + wire + ".w1000.rate", "msg/s", true, "plain TCP (1b)", "mem.w1000.rate", null, null);
            }
        }
        if (o.runs("mqtt")) {
            for (int w : SendBench.WINDOWS) {
                add("mqtt.w" + w, "2 MQTT QoS 1, Paho -> mosquitto, window " + w, "mqtt.w" + w + ".rate", "msg/s", true,
                        "imbot in-memory (x = imbot/MQTT)", "mem.w" + w + ".rate",
                        w == 1000 ? "imbot in-memory faster" : null, w == 1000 ? v -> s.median("mem.w1000.rate") > v : null);
            }
            for (int w : SendBench.WINDOWS) {
                add("mqtt.vertx.w" + w, "2b MQTT QoS 1, Vert.x MQTT client -> mosquitto, window " + w, "mqtt.vertx.w" + w + ".rate", "msg/s",
                        true, "imbot in-memory (x = imbot/MQTT)", "mem.w" + w + ".rate",
                        w == 1000 ? "imbot in-memory faster" : null, w == 1000 ? v -> s.median("mem.w1000.rate") > v : null);
            }
            for (int w : SendBench.WINDOWS) {
                add("mqtt.connector.w" + w, "2c send+ACK, daemon path, in-memory HSQLDB, through the MQTT connector, window " + w,
                        "mqtt.connector.w" + w + ".rate", "msg/s", true, "bare Vert.x MQTT client (2b)", "mqtt.vertx.w" + w + ".rate", null, null);
            }
        }
        if (o.runs("xmpp")) {
            for (int w : NetworkBench.WINDOWS) {
                add("xmpp.smack.w" + w, "2d XMPP send + stream-management ack, bare Smack -> Prosody, window " + w,
                        "xmpp.smack.w" + w + ".rate", "msg/s", true, null, null, null, null);
                add("xmpp.connector.w" + w, "2e send+ACK, daemon path, in-memory HSQLDB, through the XMPP connector, window " + w,
                        "xmpp.connector.w" + w + ".rate", "msg/s", true, "bare Smack (2d)", "xmpp.smack.w" + w + ".rate", null, null);
            }
        }
        if (o.runs("irc")) {
            for (int w : NetworkBench.WINDOWS) {
                add("irc.raw.w" + w, "2f IRC PRIVMSG written, bare NetSocket -> ngIRCd (penalties off), window " + w,
                        "irc.raw.w" + w + ".rate", "msg/s", true, null, null, null, null);
                add("irc.connector.w" + w, "2g send to SENT, daemon path, in-memory HSQLDB, through the IRC connector (no pacing), window " + w,
                        "irc.connector.w" + w + ".rate", "msg/s", true, "bare NetSocket (2f)", "irc.raw.w" + w + ".rate", null, null);
            }
        }
        if (o.runs("reply")) {
            String r = o.quick() ? "200" : "1,000";
            add("reply", "3a inbound -> bot -> reply acked, " + r + " msg/s offered, 100 rules", "reply.r1000.rate", "msg/s", true,
                    null, null, "p99 <= 20 ms", v -> s.median("reply.r1000.p99") <= 20);
            add("reply.max", "3b highest inbound rate sustained (all replied, median < 100 ms)", "reply.max", "msg/s", false,
                    null, null, null, null);
            add("rss.idle", "4c daemon resident memory, idle", "rss.idle", "MiB", false, null, null, null, null);
            add("rss.load", "4d daemon resident memory, under " + r + " msg/s", "rss.load", "MiB", false, "idle", "rss.idle", null, null);
        }
        if (o.runs("memory")) {
            String[] n = o.quick() ? new String[] {"10,000", "20,000"} : new String[] {"100,000", "1,000,000"};
            add("mem.pending.100k", "4a heap per pending message beyond its body, " + n[0] + " pending", "mem.pending.100k", "bytes",
                    false, null, null, "<= 400 bytes", v -> v <= 400);
            add("mem.pending.1m", "4b heap per pending message beyond its body, " + n[1] + " pending (-Xmx1g)", "mem.pending.1m", "bytes",
                    false, null, null, "<= 400 bytes; fits 1 GiB", v -> v <= 400 && s.median("mem.pending.1m.heapMiB") < 1024);
        }
        if (o.runs("history")) {
            add("history.stored", "5a history: inbound messages stored durably", "history.stored", "msg/s", false,
                    "plain inserts", "plain.rate", null, null);
            String rows = o.quick() ? "20,000" : "1,000,000";
            add("history.latest", "5b history: latest 50 of a conversation, " + rows + " rows", "history.latest.p50", "ms (p50)", true,
                    "plain JDBC, same query", "history.latestPlain.p50", "p99 <= 5 ms", v -> s.median("history.latest.p99") <= 5);
        }
        if (o.runs("start")) {
            add("start.first", "6a first start: bin/imbot run in a fresh folder to 'imbot ready' (creates the database)",
                    "start.first", "s", false, "bare JVM (java -version)", "start.jvm", null, null);
            add("start", "6b cold start: bin/imbot run to 'imbot ready', bundled plugins, after a clean stop", "start.daemon", "s",
                    false, "bare JVM (java -version)", "start.jvm", "<= 2 s", v -> v <= 2);
        }
        return this;
    }

    private double ratio(String a, String b) {
        return s.median(a) / s.median(b);
    }

    private void add(String id, String what, String key, String unit, boolean latency, String baseName, String baseKey, String target,
            java.util.function.DoublePredicate pass) {
        double v = s.median(key);
        String prefix = key.substring(0, key.lastIndexOf('.') < 0 ? key.length() : key.lastIndexOf('.'));
        String lat = "";
        if (latency) {
            String lk = key.endsWith(".p50") ? key.substring(0, key.length() - 4) : prefix;
            lat = fmt(s.median(lk + ".p50"), 3) + " / " + fmt(s.median(lk + ".p99"), 3) + " / " + fmt(s.median(lk + ".p999"), 3);
        }
        String base = "";
        String ratio = "";
        if (baseKey != null) {
            double b = s.median(baseKey);
            base = baseName + ": " + num(b);
            ratio = Double.isNaN(v) || Double.isNaN(b) ? "-" : fmt(v / b, 2) + "x";
            if (baseName.startsWith("imbot")) {
                ratio = Double.isNaN(v) || Double.isNaN(b) ? "-" : fmt(b / v, 2) + "x";
            }
        }
        String met = "";
        if (pass != null) {
            met = Double.isNaN(v) ? "-" : pass.test(v) ? "met" : "NOT met";
        }
        String note = s.noteFor(key);
        double failed = s.median(prefix + ".failed");
        if (note == null && !Double.isNaN(failed) && failed > 0) {
            note = "median " + (long) failed + " sends failed or unfinished";
        }
        rows.add(new Row(id, what, v, unit, lat, base, ratio, target == null ? "" : target, met, note));
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return fmt(v, Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2);
    }

    static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("| measurement | median | unit | latency p50 / p99 / p99.9 (ms) | baseline (median) | ratio | target | met |\n");
        b.append("|---|---:|---|---|---|---:|---|---|\n");
        for (Row r : rows) {
            String value = Double.isNaN(r.value()) ? (r.note() != null ? r.note() : "no value") : num(r.value());
            String what = r.what() + (r.note() != null && !Double.isNaN(r.value()) ? " (" + r.note() + ")" : "");
            b.append("| ").append(what).append(" | ").append(value).append(" | ").append(r.unit()).append(" | ").append(r.latency())
                    .append(" | ").append(r.baseline()).append(" | ").append(r.ratio()).append(" | ").append(r.target()).append(" | ")
                    .append(r.met()).append(" |\n");
        }
        return b.toString();
    }
}
