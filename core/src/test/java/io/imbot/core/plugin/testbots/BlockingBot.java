package io.imbot.core.plugin.testbots;

import io.imbot.api.MessageEvent;
import io.imbot.api.ReplyBot;
import java.util.concurrent.CountDownLatch;
import org.pf4j.Extension;

/** Blocks forever on a message saying "block"; runs before the echo bot. */
@Extension
public class BlockingBot implements ReplyBot {
    private final CountDownLatch never = new CountDownLatch(1);

    @Override
    public int priority() {
        return 5;
    }

    @Override
    public void onMessage(MessageEvent event) throws InterruptedException {
        if (event.text().equals("block")) {
            never.await();
        }
    }
}
