package io.imbot.plugins.commands;

import io.imbot.api.ChatMessage;
import io.imbot.api.DeliveryStatus;
import io.imbot.api.Direction;
import io.imbot.testkit.BotTester;
import io.imbot.testkit.Dispatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Hands a tester messages and returns the whole {@link Dispatch}, to see who handled them. */
final class Inbound {

    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    private Inbound() {}

    /** A direct message from {@code from} to the bot user {@code bot}. */
    static Dispatch direct(BotTester tester, String from, String text) {
        return tester.receive(new ChatMessage("t-" + NEXT_ID.incrementAndGet(), Direction.INBOUND, from, from, "bot", text,
                tester.now(), DeliveryStatus.RECEIVED));
    }

    /** A message from {@code from} in {@code room}; it mentions the bot as the daemon would say. */
    static Dispatch inRoom(BotTester tester, String room, String from, String text) {
        return tester.receive(new ChatMessage("t-" + NEXT_ID.incrementAndGet(), Direction.INBOUND, room, from, room, text,
                tester.now(), DeliveryStatus.RECEIVED));
    }
}
