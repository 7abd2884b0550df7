package io.imbot.core.cli;

import io.imbot.core.admin.AdminToken;
import io.imbot.core.config.ImbotConfig;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Talks to the running daemon's admin API, with the token from {@code admin.token} (for example
 * {@code IMBOT_ADMIN_TOKEN}) or else from the daemon's {@code admin.tokenFile}. Over TLS it trusts
 * exactly the configured certificate.
 */
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

    private final ImbotConfig.Admin config;
    private final String base;
    private HttpClient http;

    AdminClient(ImbotConfig cfg) {
        this.config = cfg.admin();
        String host = config.onWildcard() ? "127.0.0.1" : config.host();
        host = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        this.base = (config.tls() != null ? "https://" : "http://") + host + ":" + config.port();
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
        String tokenProblem = null;
        try {
            request.header("authorization", "Bearer " + token());
        } catch (IOException e) {
            // Asked anyway: when no daemon runs, "not running" is the answer that matters.
            tokenProblem = "cannot read the admin token from " + config.tokenFile() + " (" + describe(e)
                    + "): run imbot as the user who runs the daemon, or set IMBOT_ADMIN_TOKEN";
        }
        HttpResponse<String> response;
        try {
            response = client().send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
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
        if (response.statusCode() == 401) {
            throw new AdminException("the daemon refused the request: " + (tokenProblem != null ? tokenProblem
                    : "its token is not the one in " + (config.token().isEmpty() ? config.tokenFile().toString() : "admin.token")
                            + " (is the daemon using another imbot folder or configuration?)"), false);
        }
        if (response.statusCode() != 200) {
            throw new AdminException(json.getString("error", "HTTP " + response.statusCode()), false);
        }
        return json;
    }

    private String token() throws IOException {
        return config.token().isEmpty() ? AdminToken.read(config.tokenFile()) : config.token();
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file; has the daemon started?";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage();
    }

    private HttpClient client() throws AdminException {
        if (http == null) {
            HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).version(HttpClient.Version.HTTP_1_1);
            if (config.tls() != null) {
                b.sslContext(trusting(config.tls()));
            }
            http = b.build();
        }
        return http;
    }

    /** An SSL context that trusts the daemon's own certificate (chain) and nothing else. */
    private static SSLContext trusting(ImbotConfig.Tls tls) throws AdminException {
        try (InputStream in = Files.newInputStream(tls.cert())) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int n = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("imbot-admin-" + n++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        } catch (IOException | GeneralSecurityException e) {
            throw new AdminException("cannot use the admin API's certificate " + tls.cert() + ": " + e.getMessage(), false);
        }
    }
}
