package io.imbot.testkit;

import io.imbot.api.ReplyBot;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sets up a {@link BotTester}; made by {@link BotTester#of(ReplyBot...)}. Every setting has a
 * default, so {@code BotTester.of(bot).start()} is enough.
 */
public final class BotTesterBuilder {

    private final List<ReplyBot> bots;
    private String botUser = "bot";
    private String pluginId = "test";
    private Map<String, Object> config = Map.of();
    private Path configDir;
    private Path dataDir;
    private ManualClock clock;
    private boolean strict = true;
    private List<String> operators = List.of();

    BotTesterBuilder(List<ReplyBot> bots) {
        this.bots = List.copyOf(bots);
    }

    /**
     * The user name the daemon is logged in as ({@link io.imbot.api.BotContext#botUser()}); {@code
     * bot} by default. Messages from this user are stored but never shown to the bots, and a room
     * message mentions the bot when it contains {@code @user}.
     */
    public BotTesterBuilder user(String botUser) {
        this.botUser = requireWord(botUser, "botUser");
        return this;
    }

    /** The plugin ID every bot's context reports, and its logger's name; {@code test} by default. */
    public BotTesterBuilder pluginId(String pluginId) {
        this.pluginId = requireWord(pluginId, "pluginId");
        return this;
    }

    /**
     * The plugin configuration ({@link io.imbot.api.BotContext#config()}); empty by default. All
     * bots of one tester share it. The map is copied; {@code null} values are kept.
     */
    public BotTesterBuilder config(Map<String, ?> config) {
        this.config = new LinkedHashMap<>(Objects.requireNonNull(config, "config"));
        return this;
    }

    /**
     * The folder {@link io.imbot.api.BotContext#configDir()} returns, typically a JUnit
     * {@code @TempDir}. By default a fresh temporary folder, deleted by {@link BotTester#close()}.
     */
    public BotTesterBuilder configDir(Path configDir) {
        this.configDir = Objects.requireNonNull(configDir, "configDir");
        return this;
    }

    /**
     * The folder {@link io.imbot.api.BotContext#dataDir()} returns (created on its first call). By
     * default a fresh temporary folder, deleted by {@link BotTester#close()}.
     */
    public BotTesterBuilder dataDir(Path dataDir) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        return this;
    }

    /**
     * The clock of the tester's virtual time, which every bot gets from {@link
     * io.imbot.api.BotContext#clock()}. By default a new {@link ManualClock} at {@link
     * ManualClock#DEFAULT_START} in UTC.
     */
    public BotTesterBuilder clock(ManualClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * The daemon's operators ({@code plugins.operators}): {@code user} or {@code connection/user};
     * none by default. Messages from them have {@link io.imbot.api.MessageEvent#fromOperator()}.
     */
    public BotTesterBuilder operators(String... users) {
        this.operators = List.of(users);
        return this;
    }

    List<String> operators() {
        return operators;
    }

    /**
     * Lets bot exceptions pass the way the daemon does: caught, logged and kept in {@link
     * BotTester#failures()}. By default the tester is strict: a call during which a bot threw (in
     * {@code onMessage}, {@code stop} or a scheduled task) ends with an {@link AssertionError} once
     * every bot has had its turn.
     */
    public BotTesterBuilder lenient() {
        this.strict = false;
        return this;
    }

    /**
     * Starts the bots: calls {@link ReplyBot#start} on each, in the order given.
     *
     * @return the running tester; close it (for example with try-with-resources) to stop the bots
     * @throws IllegalStateException when a bot's {@code start} throws; bots started before it are
     *     stopped again
     */
    public BotTester start() {
        return BotTester.start(this);
    }

    List<ReplyBot> bots() {
        return bots;
    }

    String botUser() {
        return botUser;
    }

    String pluginId() {
        return pluginId;
    }

    Map<String, Object> config() {
        return config;
    }

    Path configDir() {
        return configDir;
    }

    Path dataDir() {
        return dataDir;
    }

    ManualClock clock() {
        return clock;
    }

    boolean strict() {
        return strict;
    }

    private static String requireWord(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.startsWith("#") || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(name + " must be a single word not starting with '#', was '" + value + "'");
        }
        return value;
    }
}
