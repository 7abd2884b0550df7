package io.imbot.api;

/** A handle on scheduled work. */
@FunctionalInterface
public interface Cancellable {

    /** Stops the work from running again; does nothing when it already stopped. */
    void cancel();
}
