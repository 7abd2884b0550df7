package io.imbot.server;

import io.imbot.protocol.Frame;
import io.imbot.protocol.ProtocolException;

/**
 * How one client connection carries frames: {@link TcpLink} (a 4-byte length before each frame)
 * or {@link WebSocketLink} (one frame per WebSocket text message). A link turns what arrives into
 * frames and frames into what leaves; what the frames mean is {@link ClientSession}'s business.
 * Confined to the server's event loop, like everything it calls.
 */
interface Link {

    /** What a link reports to its session, on the event loop. */
    interface Input {

        /**
         * Called for each piece of input before the link decodes it: runs {@code decode} unless the
         * session discards input (it is closing, or the server is silent).
         */
        void arrived(Runnable decode);

        /** A whole, valid frame. */
        void frame(Frame frame);

        /** Input the protocol does not allow; after a fatal one the link decodes nothing more. */
        void badInput(ProtocolException e);

        /** The write queue has room again after {@link Link#writeQueueFull()}. */
        void drained();

        /** The connection is closed; called once, and nothing is reported after it. */
        void closed();
    }

    /**
     * Wires the transport's handlers to {@code input}; call once.
     *
     * @param maxFrameBytes the largest frame payload accepted until {@link #maxFrameBytes(int)}
     */
    void start(Input input, int maxFrameBytes);

    /** Changes the largest accepted frame payload for frames that have not started to arrive. */
    void maxFrameBytes(int maxFrameBytes);

    /** The remote address, for logs. */
    String peer();

    /** Queues one frame for writing. */
    void write(Frame frame);

    /** Writes one frame, then closes once it is out: for fatal errors. */
    void writeThenClose(Frame frame);

    /** Whether the write queue is full (also when the link can take no more writes at all). */
    boolean writeQueueFull();

    /** Stops reading. */
    void pause();

    /** Resumes reading. */
    void resume();

    /** Closes at once, without a frame. */
    void close();
}
