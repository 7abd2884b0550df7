package io.imbot.bench;

import io.imbot.protocol.Frame;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A person talking to the daemon's auto-reply bot over a bare client: sends {@code bench N} to the
 * bot; a send ends when the bot's reply {@code ok N} arrives. The server delivers a reply only after
 * accepting it, which is the moment it ACKs it to the daemon, so this is inbound to reply
 * acknowledged, seen from the person's side (plus one delivery hop). Replies are ACKed as a client
 * must.
 */
final class ReplyTarget implements Load.Target {

    private final RawClient client;
    private final String bot;
    private final String idPrefix;
    private final Map<Long, Load.Done> waiting = new HashMap<>();
    private long next; // unique across runs on this connection, unlike the driver's sequence

    private ReplyTarget(RawClient client, String bot, String user) {
        this.client = client;
        this.bot = bot;
        this.idPrefix = user + "-";
        client.onFrame(f -> {
            if (f instanceof Frame.Msg m) {
                client.write(new Frame.Ack(m.id()));
                String body = m.body();
                if (body.startsWith("ok ")) {
                    Load.Done d = waiting.remove(Long.parseLong(body.substring(3).trim()));
                    if (d != null) {
                        d.ended(true);
                    }
                }
            }
        });
    }

    static ReplyTarget connect(io.vertx.core.Vertx vertx, int port, String user, String bot) throws Exception {
        RawClient c = RawClient.connect(vertx, port, user, List.of()).toCompletionStage().toCompletableFuture().get();
        return new ReplyTarget(c, bot, user);
    }

    io.vertx.core.Context context() {
        return client.ctx;
    }

    @Override
    public void send(long ignored, Load.Done done) {
        long seq = next++;
        waiting.put(seq, done);
        client.write(new Frame.Msg(idPrefix + seq, "", bot, "bench " + seq, System.currentTimeMillis()));
    }

    void close() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get();
    }

    /** 100 rules: 99 that never match a benchmark message (of every match type), then the one that does. */
    static String rules() {
        StringBuilder b = new StringBuilder("version: 1\npriority: 100\nrules:\n");
        for (int i = 0; i < 99; i++) {
            b.append("  - name: r").append(i).append('\n');
            switch (i % 5) {
                case 0 -> b.append("    exact: hello").append(i).append('\n');
                case 1 -> b.append("    keyword: [weather").append(i).append(", forecast").append(i).append("]\n");
                case 2 -> b.append("    prefix: \"!cmd").append(i).append("\"\n");
                case 3 -> b.append("    regex: '^order-").append(i).append("-(\\d+)$'\n");
                default -> b.append("    command: do").append(i).append('\n');
            }
            b.append("    reply: \"rule ").append(i).append("\"\n");
        }
        b.append("  - name: bench\n    prefix: bench\n    reply: \"ok {args}\"\n");
        return b.toString();
    }
}
