package io.imbot.plugins.xmppconnector;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLHandshakeException;
import javax.xml.stream.XMLStreamException;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.SmackException.EndpointConnectionException;
import org.jivesoftware.smack.XMPPException.StreamErrorException;
import org.jivesoftware.smack.packet.StreamError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.util.rce.RemoteConnectionException;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Words a failed connection for the operator, in one line: a refused login, an untrusted or
 * misnamed certificate, a refused or silent port, a server that ended the stream.
 */
final class Problems {

    private Problems() {}

    /** Why {@code failure} happened on the connection {@code s}, in words. */
    static String explain(Throwable failure, XmppSettings s) {
        if (failure instanceof SASLErrorException sasl) {
            String condition = sasl.getSASLFailure().getSASLErrorString();
            return "the server refused the login of " + s.account() + ("not-authorized".equals(condition)
                    ? ": wrong user or password (not-authorized)" : " (" + condition + ")");
        }
        if (failure instanceof SmackException.SecurityRequiredByClientException) {
            return "the server offers no STARTTLS, and requireTls is true";
        }
        if (failure instanceof StreamErrorException stream) {
            StreamError error = stream.getStreamError();
            if (error.getCondition() == StreamError.Condition.conflict) {
                return "another login as " + s.account() + "/" + s.resource() + " replaced this one (conflict)";
            }
            return "the server ended the stream: " + error.getCondition()
                    + (error.getConditionText() == null ? "" : " (" + error.getConditionText() + ")");
        }
        if (failure instanceof SmackException.NoResponseException) {
            return "the server did not answer in time (" + s.connectTimeout().toMillis() + " ms): " + failure.getMessage();
        }
        String tls = certificate(failure, s);
        if (tls != null) {
            return tls;
        }
        if (failure instanceof EndpointConnectionException endpoints && !endpoints.getConnectionExceptions().isEmpty()) {
            RemoteConnectionException<?> first = endpoints.getConnectionExceptions().get(0);
            InetSocketAddress address = first.getAddress().getInetSocketAddress();
            return socket(first.getException(), address.getAddress().getHostAddress() + ":" + address.getPort(), s);
        }
        if (cutShort(failure)) {
            return "the stream broke off in the middle of a stanza (" + message(failure) + ")";
        }
        String plain = socket(failure, s.host() + ":" + s.port(), s);
        return plain != null ? plain : message(failure);
    }

    private static String socket(Throwable failure, String where, XmppSettings s) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused by " + where + " (" + message(t) + ")";
            }
            if (t instanceof SocketTimeoutException) {
                return "no answer from " + where + " within connectTimeout (" + s.connectTimeout().toMillis() + " ms)";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + s.host();
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to " + where;
            }
            if (t instanceof IOException) {
                return "the connection broke (" + message(t) + ")";
            }
        }
        return failure == null ? null : message(failure);
    }

    /** Whether the server's XML ended mid-document: a connection cut while a stanza was on its way. */
    private static boolean cutShort(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof XmlPullParserException || t instanceof XMLStreamException) {
                return true;
            }
        }
        return false;
    }

    /** A certificate problem in the chain of causes, or {@code null}. */
    private static String certificate(Throwable failure, XmppSettings s) {
        String trusted = s.caFile().isEmpty() ? "the JVM's trust store" : s.caFile();
        boolean ssl = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof CertificateExpiredException
                    || t instanceof CertPathValidatorException v && v.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                return "the server's certificate has expired (" + m + ")";
            }
            if (t instanceof CertificateNotYetValidException
                    || t instanceof CertPathValidatorException v && v.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                return "the server's certificate is not valid yet (" + m + ")";
            }
            if (m.contains("Hostname verification of certificate failed")) {
                return "the server's certificate is not for " + s.account().getDomain() + " (set verifyHost: false only for tests)";
            }
            if (m.contains("PKIX path") || m.contains("unable to find valid certification path")) {
                return "the server's certificate is not trusted: no certificate in " + trusted + " signed it";
            }
            ssl |= t instanceof SSLHandshakeException;
        }
        return ssl ? "TLS handshake failed: " + message(failure) : null;
    }

    /** The exception's message on one line (some, such as XML parse errors, span several), for logs and reasons. */
    private static String message(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
