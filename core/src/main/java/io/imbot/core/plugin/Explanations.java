package io.imbot.core.plugin;

import io.imbot.api.ChatMessage;
import io.imbot.api.RuleMatch;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks each bot, in dispatch order and on its own thread, what it would answer. Once a match
 * stops the message, what later bots report is marked as skipped: it would not happen.
 */
final class Explanations {

    private Explanations() {}

    static Future<List<JsonObject>> collect(List<BotRunner> inOrder, ChatMessage message) {
        List<JsonObject> out = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (BotRunner r : inOrder) {
            chain = chain.compose(v -> {
                List<RuleMatch> matches = new ArrayList<>();
                return r.call("explain", () -> matches.addAll(r.bot.explain(message)))
                        .map(x -> {
                            boolean stopped = out.stream().anyMatch(j -> j.getBoolean("stops") && !j.getBoolean("skipped"));
                            for (RuleMatch m : matches) {
                                boolean skipped = stopped;
                                out.add(new JsonObject().put("plugin", r.pluginId).put("bot", r.name()).put("rule", m.rule())
                                        .put("why", m.why()).put("reply", m.reply()).put("stops", m.stops()).put("skipped", skipped));
                                stopped |= m.stops();
                            }
                            return (Void) null;
                        })
                        .otherwise(e -> null);
            });
        }
        return chain.map(v -> out);
    }
}
