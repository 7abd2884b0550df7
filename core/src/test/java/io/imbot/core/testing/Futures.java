package io.imbot.core.testing;

import io.imbot.testsupport.Timeouts;
import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Lets a test wait for a Vert.x future on its own thread, with a scaled timeout. */
public final class Futures {

    private Futures() {}

    /** The future's result; fails the test when it fails or takes longer than 30 s (scaled). */
    public static <T> T await(Future<T> future) {
        return await(future, 30);
    }

    /** The future's result; fails the test when it fails or takes longer than {@code seconds} (scaled). */
    public static <T> T await(Future<T> future, long seconds) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(Timeouts.seconds(seconds), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("future failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("future did not complete within " + Timeouts.seconds(seconds) + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
