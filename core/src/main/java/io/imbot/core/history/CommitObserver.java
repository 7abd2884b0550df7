package io.imbot.core.history;

/** Told about each durable commit of the history store, on the writer's thread: keep it cheap and thread-safe. */
@FunctionalInterface
public interface CommitObserver {

    /** Observes nothing. */
    CommitObserver NONE = (writes, nanos) -> {};

    /**
     * One transaction committed.
     *
     * @param writes the writes it held (messages, status changes, handled marks)
     * @param nanos how long it took, statements and durable commit together
     */
    void committed(int writes, long nanos);
}
