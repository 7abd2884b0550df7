package io.imbot.core.plugin.testbots;

import io.imbot.api.Conversation;
import io.imbot.api.MessageEvent;
import io.imbot.api.ReplyBot;
import org.pf4j.Extension;

/**
 * Answers every message with what {@code conversations} says of its conversation and the thread
 * the stage completed on: "alice: 3 messages, 1 unanswered, latest two, on bot-conversations-1".
 * Asked "limit 0", answers with the failure that limit gets.
 */
@Extension
public class ConversationsBot implements ReplyBot {
    @Override
    public void onMessage(MessageEvent event) {
        if (event.text().equals("limit 0")) {
            event.context().conversations(0).whenComplete((list, e) -> event.reply("failed: " + e));
            return;
        }
        String name = event.message().conversation();
        event.context().conversations(10).thenAccept(list -> {
            Conversation c = list.stream().filter(x -> x.conversation().equals(name)).findFirst().orElseThrow();
            event.reply(name + ": " + c.messageCount() + " messages, " + c.unanswered() + " unanswered, latest "
                    + c.lastPreview() + ", on " + Thread.currentThread().getName());
        });
    }
}
