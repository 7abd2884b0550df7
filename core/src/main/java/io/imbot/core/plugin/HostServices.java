package io.imbot.core.plugin;

import io.imbot.api.BotCommand;
import io.imbot.api.DaemonStatus;
import io.imbot.core.delivery.DeliveryPort;
import io.imbot.core.history.MessageStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What the plugin host shares with every bot context.
 *
 * @param delivery the message center, once it runs
 * @param commands every command of every running bot (read from any thread)
 * @param users each connection's name and the daemon's user on it, the first connection first
 * @param operators {@code plugins.operators}: {@code user} or {@code connection/user}
 */
record HostServices(
        Vertx vertx,
        Map<String, String> users,
        List<String> operators,
        Path configDir,
        Path dataRoot,
        MessageStore history,
        ReplyLimiter limiter,
        Future<DeliveryPort> delivery,
        Supplier<DaemonStatus> status,
        Supplier<List<BotCommand>> commands) {

    /** The daemon's user on its first connection. */
    String botUser() {
        return users.values().iterator().next();
    }

    /**
     * The names the daemon goes by on {@code connection}: its user there (the first connection's
     * for an unknown name), then the connector's room names that differ from it.
     */
    List<String> botNames(String connection) {
        String user = users.getOrDefault(connection, botUser());
        List<String> nicknames = delivery.succeeded() ? delivery.result().nicknames(connection) : List.of();
        return Stream.concat(Stream.of(user), nicknames.stream()).distinct().toList();
    }
}
