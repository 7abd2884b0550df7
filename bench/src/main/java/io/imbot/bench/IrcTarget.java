package io.imbot.bench;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.util.concurrent.TimeUnit;

/**
 * The IRC anchor: a bare Vert.x NetSocket client that registers, joins a channel nobody else is in,
 * and writes {@code PRIVMSG} lines with no pacing; a message ends when its line's write completed
 * on the socket, which is all IRC offers (no ACKs), and what the connector reports as SENT.
 */
final class IrcTarget implements Load.Target {

    private final NetSocket socket;
    private final Context context;
    private final Buffer line;

    private IrcTarget(NetSocket socket, Context context, String channel) {
        this.socket = socket;
        this.context = context;
        this.line = Buffer.buffer("PRIVMSG " + channel + " :" + Payload.BODY + "\r\n");
    }

    /** Connects as {@code nick}, joins {@code channel} and returns once the server confirmed the join. */
    static IrcTarget connect(Vertx vertx, int port, String nick, String channel) throws Exception {
        Context ctx = vertx.getOrCreateContext();
        Promise<IrcTarget> joined = Promise.promise();
        ctx.runOnContext(v -> vertx.createNetClient().connect(port, "127.0.0.1").onFailure(joined::tryFail).onSuccess(socket -> {
            IrcTarget t = new IrcTarget(socket, ctx, channel);
            socket.handler(RecordParser.newDelimited("\r\n", l -> t.onLine(l.toString(), channel, joined)));
            socket.write("NICK " + nick + "\r\nUSER " + nick + " 0 * :imbot bench\r\n");
        }));
        return joined.future().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private void onLine(String l, String channel, Promise<IrcTarget> joined) {
        String[] words = l.split(" ", 4);
        if (words[0].equals("PING")) {
            socket.write("PONG " + l.substring(5) + "\r\n");
        } else if (words.length > 1 && words[1].equals("001")) {
            socket.write("JOIN " + channel + "\r\n");
        } else if (words.length > 1 && words[1].equals("366")) { // end of the channel's names: joined
            joined.tryComplete(this);
        } else if (words.length > 1 && words[1].startsWith("4")) {
            joined.tryFail(new IllegalStateException("the IRC server refused: " + l));
        }
    }

    Context context() {
        return context;
    }

    @Override
    public void send(long seq, Load.Done done) {
        socket.write(line.copy()).onComplete(ar -> done.ended(ar.succeeded())); // often at once: Load.closedLoop copes
    }

    void close() throws Exception {
        Promise<Void> closed = Promise.promise();
        context.runOnContext(v -> socket.write("QUIT :bench done\r\n").eventually(socket::close).onComplete(ar -> closed.complete()));
        closed.future().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
