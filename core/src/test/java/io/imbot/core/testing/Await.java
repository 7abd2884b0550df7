package io.imbot.core.testing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.BooleanSupplier;

/** Waits for a condition by checking it on a Vert.x timer, never by sleeping a thread. */
public final class Await {

    private Await() {}

    /** Completes when {@code condition} holds; fails after the scaled {@code seconds}. */
    public static Future<Void> until(Vertx vertx, long seconds, BooleanSupplier condition) {
        Promise<Void> done = Promise.promise();
        long deadline = System.nanoTime() + Timeouts.seconds(seconds) * 1_000_000_000L;
        check(vertx, condition, deadline, done);
        return done.future();
    }

    private static void check(Vertx vertx, BooleanSupplier condition, long deadline, Promise<Void> done) {
        if (condition.getAsBoolean()) {
            done.complete();
        } else if (System.nanoTime() > deadline) {
            done.fail(new AssertionError("condition not met in time"));
        } else {
            vertx.setTimer(10, id -> check(vertx, condition, deadline, done));
        }
    }
}
