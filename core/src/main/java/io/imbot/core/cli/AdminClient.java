package io.imbot.core.cli;

import io.imbot.core.config.ImbotConfig;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Talks to the running daemon's admin API. */
final class AdminClient {

    /** The daemon did not answer, or answered with an error; the message is ready for the user. */
    static final class AdminException extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean unreachable;

        AdminException(String message, boolean unreachable) {
            super(message);
            this.unreachable = unreachable;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String base;

    AdminClient(ImbotConfig cfg) {
        this.base = "http://" + cfg.admin().host() + ":" + cfg.admin().port();
    }

    JsonObject get(String pathAndQuery) throws AdminException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET());
    }

    JsonObject post(String path, JsonObject body) throws AdminException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
    }

    private JsonObject send(HttpRequest.Builder request) throws AdminException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new AdminException("the daemon is not running (nothing answers on " + base + ")", true);
        } catch (IOException e) {
            throw new AdminException("the daemon did not answer on " + base + ": " + e.getMessage(), true);
        }
        JsonObject json;
        try {
            json = new JsonObject(response.body());
        } catch (RuntimeException e) {
            throw new AdminException("unexpected answer from " + base + " (is another program on that port?)", false);
        }
        if (response.statusCode() != 200) {
            throw new AdminException(json.getString("error", "HTTP " + response.statusCode()), false);
        }
        return json;
    }
}
