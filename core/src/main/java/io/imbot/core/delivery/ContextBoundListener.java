package io.imbot.core.delivery;

import io.imbot.api.connector.ConnectorListener;
import io.imbot.api.connector.InboundMessage;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Hands a connector's calls to the engine on the engine's own context. A connector on that context
 * (the bundled one) is called through at once; one on threads of its own is queued, in order, so
 * the engine's state stays confined to its event loop.
 */
final class ContextBoundListener implements ConnectorListener {

    private final ConnectorListener engine;
    private final Context context;

    ContextBoundListener(ConnectorListener engine, Context context) {
        this.engine = engine;
        this.context = context;
    }

    private void run(Runnable call) {
        if (Vertx.currentContext() == context) {
            call.run();
        } else {
            context.runOnContext(v -> call.run());
        }
    }

    @Override
    public void onReady() {
        run(engine::onReady);
    }

    @Override
    public void onAttemptFailed(String reason) {
        run(() -> engine.onAttemptFailed(reason));
    }

    @Override
    public void onLost(String reason) {
        run(() -> engine.onLost(reason));
    }

    @Override
    public void onWritable() {
        run(engine::onWritable);
    }

    @Override
    public void onMessage(InboundMessage message) {
        run(() -> engine.onMessage(message));
    }

    @Override
    public void onAck(String id) {
        run(() -> engine.onAck(id));
    }

    @Override
    public void onRejected(String id, String reason) {
        run(() -> engine.onRejected(id, reason));
    }
}
