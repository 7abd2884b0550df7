package io.imbot.core.testing;

import io.imbot.testsupport.Timeouts;
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

    /** Completes when the asynchronous {@code condition} answers true; fails after the scaled {@code seconds}. */
    public static Future<Void> untilAsync(Vertx vertx, long seconds, java.util.function.Supplier<Future<Boolean>> condition) {
        Promise<Void> done = Promise.promise();
        long deadline = System.nanoTime() + Timeouts.seconds(seconds) * 1_000_000_000L;
        checkAsync(vertx, condition, deadline, done);
        return done.future();
    }

    private static void checkAsync(Vertx vertx, java.util.function.Supplier<Future<Boolean>> condition, long deadline, Promise<Void> done) {
        condition.get().onComplete(ar -> {
            if (ar.succeeded() && ar.result()) {
                done.complete();
            } else if (System.nanoTime() > deadline) {
                done.fail(new AssertionError("condition not met in time" + (ar.failed() ? ": " + ar.cause() : "")));
            } else {
                vertx.setTimer(20, id -> checkAsync(vertx, condition, deadline, done));
            }
        });
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
