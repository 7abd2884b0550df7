package com.example.hello;

import io.imbot.api.BotCommand;
import io.imbot.api.BotContext;
import io.imbot.api.MessageEvent;
import io.imbot.api.ReplyBot;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.pf4j.Extension;

/**
 * Greets whoever says {@code hello}, and rolls a die on {@code /roll [sides]}.
 *
 * <p>{@code @Extension} is all the daemon needs: PF4J's annotation processor lists this class in
 * the jar's {@code META-INF/extensions.idx}, and the daemon creates it with the public no-argument
 * constructor. The class must be public.
 */
@Extension
public class HelloBot implements ReplyBot {

    /** The most sides {@code /roll} accepts. */
    static final int MAX_SIDES = 1000;

    private static final BotCommand ROLL =
            new BotCommand("roll", "/roll [sides]", "rolls a die with 6 sides, or as many as you say (2 to 1000)");

    private final RandomGenerator random;

    // Written in start(), read in onMessage(). The daemon never calls a bot from two threads at
    // once, but not always from the same thread either, hence volatile.
    private volatile String greeting = "Hello";

    /** The constructor the daemon uses. */
    public HelloBot() {
        this(new SplittableRandom());
    }

    /** A bot with a given source of chance: tests pass a seeded one to get the same rolls every time. */
    public HelloBot(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public String name() {
        return "hello"; // shown in logs and `imbot plugins`
    }

    /**
     * Bots with a higher priority see each message first (the default is 0). 150 puts this bot
     * before the bundled auto-replies (100), whose shipped rules also answer "hello", and after the
     * bundled /help, /history and /status (200).
     */
    @Override
    public int priority() {
        return 150;
    }

    /** Listed by /help of the bundled commands plugin. */
    @Override
    public List<BotCommand> commands() {
        return List.of(ROLL);
    }

    /** Reads this plugin's settings: {@code plugins.config.hello.greeting} in conf/imbot.yaml. */
    @Override
    public void start(BotContext context) {
        Object configured = context.config().get("greeting");
        if (configured != null) {
            greeting = configured.toString();
        }
        context.logger().log(System.Logger.Level.INFO, "greeting with \"" + greeting + "\"");
    }

    /**
     * Runs on the bot's own worker thread with a time budget (5 s by default): do not block for
     * long, and never wait (join/get) for a stage the context returned. Throwing is safe, it is
     * logged and counted, but a bot that keeps throwing gets disabled.
     */
    @Override
    public void onMessage(MessageEvent event) {
        // In a room, answer only when addressed ("@bot hello"); in a direct message, always.
        if (!event.mentionsBot()) {
            return;
        }
        String text = withoutMention(event.text(), event.context().botUser());
        if (text.equalsIgnoreCase("hello")) {
            event.reply(greeting + ", " + event.message().from() + "!");
            event.markHandled(); // lower-priority bots will not see this message
        } else if (text.equals("/roll") || text.startsWith("/roll ")) {
            event.reply(roll(event.message().from(), text.substring("/roll".length()).strip()));
            event.markHandled();
        }
        // Anything else: stay silent and leave it to the other bots.
    }

    /** The answer to {@code /roll args}. */
    String roll(String user, String args) {
        int sides;
        try {
            sides = args.isEmpty() ? 6 : Integer.parseInt(args);
        } catch (NumberFormatException e) {
            sides = -1;
        }
        if (sides < 2 || sides > MAX_SIDES) {
            return "Usage: " + ROLL.usage() + ", sides from 2 to " + MAX_SIDES;
        }
        return user + " rolls " + random.nextInt(1, sides + 1) + " (1-" + sides + ")";
    }

    /** The text without a leading "@bot" (and a ":" or "," after it), trimmed. */
    private static String withoutMention(String text, String botUser) {
        String t = text.strip();
        String tag = "@" + botUser;
        if (t.startsWith(tag)) { // user names are case-sensitive
            t = t.substring(tag.length()).replaceFirst("^[:,]", "").strip();
        }
        return t;
    }
}
