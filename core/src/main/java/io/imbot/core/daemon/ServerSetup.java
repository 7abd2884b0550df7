package io.imbot.core.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.imbot.core.config.ConfigException;
import io.imbot.core.config.ImbotConfig;
import io.imbot.protocol.Fields;
import io.imbot.server.ServerOptions;
import io.imbot.server.TokenHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference server's options from the configuration, for {@code imbot server} and for the
 * server embedded in the daemon. The bot's user name is never open: the embedded server gets the
 * daemon's own account, {@code imbot server} reserves the name unless an account exists for it.
 *
 * <p>The accounts file is read here, when a server starts, not when the configuration loads: the
 * client commands load the same configuration and need not be able to read the server's secrets.
 */
public final class ServerSetup {

    private static final Logger log = LoggerFactory.getLogger(ServerSetup.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * The daemon's own account holds a hash of its token in memory only, next to the token itself:
     * stretching would protect nothing, and one iteration lets the server check the bot's login on
     * its event loop, never behind a queue of costly checks.
     */
    private static final int IN_MEMORY_ITERATIONS = 1;

    private ServerSetup() {}

    /**
     * Options for {@code imbot server}: accounts from {@code server.login.accounts} and the
     * accounts file; {@code bot.user} reserved.
     *
     * @throws ConfigException when the accounts file is missing, unreadable or wrong (one line
     *     naming the key, the file and the problem)
     */
    public static ServerOptions standalone(ImbotConfig config) throws ConfigException {
        ServerOptions options = common(config);
        String bot = config.bot().user();
        if (!options.accounts().containsKey(bot)) {
            log.warn("no account for the bot user '{}' (bot.user): nobody can log in as '{}' until server.login.accounts has one"
                    + " (bin/imbot token --user {} prints the token and the line to add)", bot, bot, bot);
        }
        return options.withReservedUsers(Set.of(bot));
    }

    /**
     * Options for the embedded server: like {@link #standalone} and the daemon's own accounts (user
     * to token: those of its connections to this server), in place of any configured ones.
     */
    static ServerOptions embedded(ImbotConfig config, Map<String, String> daemonAccounts) throws ConfigException {
        ServerOptions options = common(config);
        Map<String, TokenHash> accounts = new LinkedHashMap<>(options.accounts());
        for (Map.Entry<String, String> own : daemonAccounts.entrySet()) {
            if (accounts.put(own.getKey(), TokenHash.of(own.getValue(), IN_MEMORY_ITERATIONS)) != null) {
                log.warn("the accounts list the daemon's user '{}'; the embedded server ignores that entry and takes the token of the"
                        + " daemon's connection", own.getKey());
            }
        }
        return options.withAccounts(accounts).withReservedUsers(Set.copyOf(daemonAccounts.keySet()));
    }

    private static ServerOptions common(ImbotConfig config) throws ConfigException {
        ImbotConfig.Server s = config.server();
        try {
            return ServerOptions.defaults()
                    .withHost(s.host())
                    .withPort(s.port())
                    .withMaxFrameBytes(s.maxFrameBytes())
                    .withAccounts(accounts(config))
                    .withOpenLogin(s.login().open())
                    .withLoginTimeout(s.login().timeout())
                    .withMaxConnections(s.maxConnections())
                    .withIdleTimeout(s.idleTimeout())
                    .withOfflineQueueLimit(s.queue().maxMessages())
                    .withQueueBytesLimit(s.queue().maxBytes())
                    .withTotalQueueBytesLimit(s.queue().maxTotalBytes())
                    .withWebSocketPort(s.webSocketPort())
                    .withTls(s.tls() == null ? "" : s.tls().cert().toString(), s.tls() == null ? "" : s.tls().key().toString());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("server: " + e.getMessage(), e); // the binder checks every range; a safety net
        }
    }

    /** The configured accounts and those in the accounts file; a user in both is an error. */
    private static Map<String, TokenHash> accounts(ImbotConfig config) throws ConfigException {
        ImbotConfig.Login login = config.server().login();
        Map<String, TokenHash> all = new LinkedHashMap<>(login.accounts());
        Path file = login.accountsFile();
        if (file == null) {
            return all;
        }
        for (Map.Entry<String, TokenHash> e : readAccountsFile(file).entrySet()) {
            if (all.putIfAbsent(e.getKey(), e.getValue()) != null) {
                throw fileError(file, e.getKey() + ": also in server.login.accounts; keep one");
            }
        }
        return all;
    }

    private static Map<String, TokenHash> readAccountsFile(Path file) throws ConfigException {
        if (!Files.isRegularFile(file)) {
            throw fileError(file, "file not found");
        }
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw fileError(file, "not valid YAML" + (line > 0 ? " at line " + line : ""));
        } catch (IOException e) {
            throw fileError(file, "cannot read: " + e.getMessage());
        }
        Map<String, TokenHash> out = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return out;
        }
        if (!root.isObject()) {
            throw fileError(file, "expected lines of user: token-hash");
        }
        var fields = root.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            if (!Fields.isUser(f.getKey())) {
                throw fileError(file, "'" + f.getKey() + "' is not a user name");
            }
            if (!f.getValue().isTextual()) {
                throw fileError(file, f.getKey() + ": expected a token hash as printed by 'imbot token'");
            }
            try {
                out.put(f.getKey(), TokenHash.parse(f.getValue().asText()));
            } catch (IllegalArgumentException e) {
                throw fileError(file, f.getKey() + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static ConfigException fileError(Path file, String problem) {
        return new ConfigException("server.login.accountsFile: " + file + ": " + problem);
    }
}
