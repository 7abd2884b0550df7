package io.imbot.server;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;

/**
 * Checks login tokens against their {@link TokenHash}es without blocking the event loop, one at a
 * time. A check costs about a tenth of a second of one core by design; running them one after
 * another on a worker keeps a flood of logins from taking every core, and a check whose connection
 * has closed while it waited is skipped, so the queue never holds more than the open connections.
 *
 * <p>Hashes of few iterations (the daemon's own account, whose token is random) are checked at
 * once on the event loop: they cost microseconds, and the bot's reconnect never waits behind a
 * flood.
 *
 * <p>Confined to the server's event loop: {@link #verify} is called there and its future completes
 * there.
 */
final class LoginVerifier {

    /** Below this many iterations a check is cheap enough for the event loop (well under a millisecond). */
    static final int INLINE_ITERATIONS = 1000;

    private record Check(ClientSession session, TokenHash hash, String token, Promise<Boolean> result) {}

    private final Vertx vertx;
    private final ArrayDeque<Check> waiting = new ArrayDeque<>();
    private boolean running;

    LoginVerifier(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Whether {@code token} matches {@code hash}; {@code false} also when the connection closed before its turn. */
    Future<Boolean> verify(ClientSession session, TokenHash hash, String token) {
        if (hash.iterations() < INLINE_ITERATIONS) {
            return Future.succeededFuture(hash.matches(token));
        }
        Promise<Boolean> result = Promise.promise();
        waiting.addLast(new Check(session, hash, token, result));
        runNext();
        return result.future();
    }

    private void runNext() {
        while (!running && !waiting.isEmpty()) {
            Check check = waiting.pollFirst();
            if (!check.session().isOpen()) {
                check.result().complete(false);
                continue;
            }
            running = true;
            vertx.executeBlocking(() -> check.hash().matches(check.token()), false).onComplete(ar -> {
                running = false;
                check.result().complete(ar.succeeded() && ar.result());
                runNext();
            });
        }
    }
}
