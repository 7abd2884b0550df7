package io.imbot.core.plugin.testbots;

import io.imbot.api.MessageEvent;
import io.imbot.api.ReplyBot;
import java.util.concurrent.CountDownLatch;
import org.pf4j.Extension;

/** On "stuck", blocks for ever and ignores every interrupt, as careless code does; answers anything else. */
@Extension
public class StuckBot implements ReplyBot {
    @Override
    public int priority() {
        return 50;
    }

    @Override
    public void onMessage(MessageEvent event) {
        if (!event.text().equals("stuck")) {
            return;
        }
        CountDownLatch never = new CountDownLatch(1);
        while (true) {
            try {
                never.await(); // parked: no CPU, but the thread never ends
            } catch (InterruptedException ignored) {
                // swallowed, on purpose
            }
        }
    }
}
