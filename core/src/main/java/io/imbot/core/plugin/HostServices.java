package io.imbot.core.plugin;

import io.imbot.api.BotCommand;
import io.imbot.api.DaemonStatus;
import io.imbot.core.history.MessageStore;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the plugin host shares with every bot context.
 *
 * @param sendTimeout how long a send request may take before the event bus gives up
 * @param commands every command of every running bot (read from any thread)
 */
record HostServices(
        Vertx vertx,
        String botUser,
        Path configDir,
        Path dataRoot,
        MessageStore history,
        ReplyLimiter limiter,
        Duration sendTimeout,
        Supplier<DaemonStatus> status,
        Supplier<List<BotCommand>> commands) {}
