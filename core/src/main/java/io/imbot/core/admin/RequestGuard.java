package io.imbot.core.admin;

import io.imbot.core.config.ImbotConfig;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks every admin request passes before anything reads its body or touches the daemon, in
 * this order: a {@code Host} the API answers to (else 421: DNS rebinding), no foreign {@code
 * Origin} (else 403: a web page), the bearer token (else 401), and for a POST a JSON content type
 * (else 415: the forms a page can send without asking). Each refusal is a JSON error.
 */
final class RequestGuard implements Handler<RoutingContext> {

    private final Set<String> names;
    private final boolean tls;
    private final byte[] tokenDigest;

    /** @param token the bearer token; only its digest is kept */
    RequestGuard(ImbotConfig.Admin config, String token) {
        this.names = names(config);
        this.tls = config.tls() != null;
        this.tokenDigest = AdminToken.digest(token);
    }

    /** The host names the API answers to: its own host, the extra ones, and the loopback aliases when it listens there. */
    private static Set<String> names(ImbotConfig.Admin config) {
        Set<String> names = new HashSet<>();
        names.add(normalize(config.host()));
        config.allowedHosts().forEach(h -> names.add(normalize(h)));
        if (config.onLoopback() || config.onWildcard()) {
            names.addAll(List.of("127.0.0.1", "localhost", "[::1]"));
        }
        return names;
    }

    /** Lower case, an IPv6 literal in brackets as it appears in a Host header. */
    private static String normalize(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
    }

    @Override
    public void handle(RoutingContext rc) {
        HttpServerRequest req = rc.request();
        int port = req.localAddress().port();
        List<String> hosts = req.headers().getAll("host");
        if (hosts.size() != 1 || !answersTo(hosts.get(0), port)) {
            AdminServer.error(rc, 421, "this API does not answer to that Host header; use the address it listens on");
            return;
        }
        String origin = req.getHeader("origin");
        if (origin != null && !sameOrigin(origin, port)) {
            AdminServer.error(rc, 403, "cross-origin requests are refused");
            return;
        }
        if (!authorized(req.getHeader("authorization"))) {
            rc.response().putHeader("www-authenticate", "Bearer realm=\"imbot\"");
            AdminServer.error(rc, 401, "missing or wrong admin token: send 'Authorization: Bearer TOKEN' with the token "
                    + "from the daemon's admin.tokenFile (the imbot commands do this)");
            return;
        }
        if (req.method() == HttpMethod.POST && !isJson(req.getHeader("content-type"))) {
            AdminServer.error(rc, 415, "POST bodies must be Content-Type: application/json");
            return;
        }
        rc.next();
    }

    /** {@code name[:port]} with a name the API answers to and this server's port (or none, when that is the scheme's default). */
    boolean answersTo(String hostHeader, int port) {
        String h = hostHeader.trim().toLowerCase(Locale.ROOT);
        String name;
        String portText;
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            if (close < 0) {
                return false;
            }
            name = h.substring(0, close + 1);
            String rest = h.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                return false;
            }
            portText = rest.isEmpty() ? null : rest.substring(1);
        } else {
            int colon = h.indexOf(':');
            name = colon < 0 ? h : h.substring(0, colon);
            portText = colon < 0 ? null : h.substring(colon + 1);
        }
        if (!names.contains(name)) {
            return false;
        }
        if (portText == null) {
            return port == (tls ? 443 : 80);
        }
        return portText.matches("[0-9]{1,5}") && Integer.parseInt(portText) == port;
    }

    /** An Origin of this API itself: its scheme, a name it answers to, its port. {@code null} and anything unparsable are foreign. */
    private boolean sameOrigin(String origin, int port) {
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().equalsIgnoreCase(tls ? "https" : "http")) {
            return false;
        }
        return answersTo(uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort(), port);
    }

    private boolean authorized(String header) {
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return AdminToken.matches(tokenDigest, header.substring(7).trim());
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.split(";", 2)[0].trim().equalsIgnoreCase("application/json");
    }
}
