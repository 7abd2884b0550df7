package io.imbot.plugins.autoreply;

import io.imbot.api.BotCommand;
import io.imbot.api.BotContext;
import io.imbot.api.Cancellable;
import io.imbot.api.ChatMessage;
import io.imbot.api.MessageEvent;
import io.imbot.api.ReplyBot;
import io.imbot.api.RuleMatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.pf4j.Extension;

/**
 * The bundled auto-reply bot: answers messages from the rules in a YAML file ({@code
 * autoreply.yaml} in the daemon's configuration folder unless the plugin's {@code rules} setting
 * names another), and picks up edits to that file within a second, without a restart. See
 * {@code docs/AUTOREPLY.md} for the file format.
 *
 * <p>A broken file never stops the bot: it logs one line with the file, line and reason, and the
 * rules in force stay (none when the daemon starts with a broken file).
 */
@Extension
public class AutoReplyBot implements ReplyBot {

    /** The plugin configuration key naming the rules file. */
    public static final String RULES_KEY = "rules";

    /** The rules file when the configuration names none; relative to the configuration folder. */
    public static final String DEFAULT_RULES = "autoreply.yaml";

    /** How often the rules file is checked for changes. */
    public static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final RandomGenerator random;
    private final CooldownTracker cooldowns = new CooldownTracker();
    private final RuleEngine engine = new RuleEngine(cooldowns, this::warn);
    private volatile RuleFileWatcher watcher;
    private volatile String botUser = "bot";
    private volatile Clock clock = Clock.systemDefaultZone();
    private BotContext context;
    private Cancellable polling;

    /** The constructor PF4J uses: an unseeded random generator. */
    public AutoReplyBot() {
        this(new SplittableRandom());
    }

    /**
     * A bot with its own sense of chance, for tests. Time comes from {@link BotContext#clock()}:
     * it drives quiet hours, cooldowns and time placeholders, and its zone is the default zone of
     * the rules file.
     *
     * @param random picks among reply variants
     */
    public AutoReplyBot(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public String name() {
        return "autoreply";
    }

    /** The {@code priority} of the rules file, 100 when it sets none or is not loaded yet. */
    @Override
    public int priority() {
        RuleFileWatcher w = watcher;
        return w == null ? RuleSet.DEFAULT_PRIORITY : w.current().botPriority();
    }

    /** The command rules of the file in force, in rule order. */
    @Override
    public List<BotCommand> commands() {
        RuleFileWatcher w = watcher;
        if (w == null) {
            return List.of();
        }
        Map<String, BotCommand> commands = new LinkedHashMap<>();
        for (Rule rule : w.current().rules()) {
            if (rule.matcher() instanceof CommandMatcher command) {
                String description = rule.description().isEmpty() ? "auto-reply rule '" + rule.name() + "'" : rule.description();
                commands.putIfAbsent(command.name(), new BotCommand(command.name(), rule.usage(), description));
            }
        }
        return List.copyOf(commands.values());
    }

    @Override
    public void start(BotContext context) {
        this.context = context;
        this.botUser = context.botUser();
        this.clock = context.clock();
        RuleFileWatcher w = new RuleFileWatcher(RulesPath.resolve(context), clock.getZone(), context.logger());
        w.poll();
        this.watcher = w;
        this.polling = context.scheduleEvery(POLL_INTERVAL, this::poll);
    }

    /** The rules file: found, readable, and every rule valid; the setting {@code rules} known. */
    @Override
    public List<String> check(BotContext context) {
        Path file = RulesPath.resolve(context);
        try {
            RuleSet rules = RuleFile.parse(file, Files.readAllBytes(file), context.clock().getZone());
            context.logger().log(System.Logger.Level.INFO, file + ": " + rules.rules().size() + " rules, all valid");
            return List.of();
        } catch (NoSuchFileException e) {
            return List.of("rules file " + file + " not found: the bot would give no auto-replies until it is created");
        } catch (IOException e) {
            return List.of("cannot read rules file " + file + ": " + e.getMessage());
        } catch (RuleFileException e) {
            return List.of(e.getMessage());
        }
    }

    private void warn(String message) {
        BotContext c = context;
        if (c != null) {
            c.logger().log(System.Logger.Level.WARNING, message);
        }
    }

    private void poll() {
        watcher.poll();
        cooldowns.prune(clock.instant());
    }

    @Override
    public void onMessage(MessageEvent event) {
        RuleFileWatcher w = watcher;
        ChatMessage message = event.message();
        if (w == null || message.from().equals(botUser)) {
            return;
        }
        Instant now = clock.instant();
        for (RuleEngine.Outcome outcome :
                engine.evaluate(w.current(), message, event.mentionsBot(), event.botNames(), now, random::nextInt)) {
            if (outcome.answers()) {
                cooldowns.answered(outcome.rule().name(), message.conversation(), now, outcome.rule().cooldown());
                String rule = outcome.rule().name();
                event.reply(outcome.reply()).whenComplete((delivery, error) -> {
                    if (error != null) {
                        context.logger().log(System.Logger.Level.WARNING,
                                "reply of rule '" + rule + "' in " + message.conversation() + " failed: " + error);
                    }
                });
            }
            if (outcome.rule().stop()) {
                event.markHandled();
            }
        }
    }

    /**
     * The rules that would fire for {@code message}, in order, with the reply each would send
     * (the first variant when there are several). A rule silenced by its cooldown or quiet hours is
     * listed with an empty reply and the reason. Changes no state.
     */
    @Override
    public List<RuleMatch> explain(ChatMessage message) {
        RuleFileWatcher w = watcher;
        if (w == null) {
            return List.of();
        }
        List<String> names = List.of(botUser);
        List<RuleMatch> matches = new ArrayList<>();
        for (RuleEngine.Outcome outcome : engine.evaluate(w.current(), message, message.isFor(names), names, clock.instant(), n -> 0)) {
            matches.add(outcome.toRuleMatch());
        }
        return List.copyOf(matches);
    }

    @Override
    public void stop() {
        Cancellable p = polling;
        if (p != null) {
            p.cancel();
        }
    }
}
