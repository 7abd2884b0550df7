package io.imbot.plugins.imbotconnector;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLException;

/** Words a failed TLS handshake for the operator: which certificate problem, in one line. */
final class TlsProblems {

    private TlsProblems() {}

    /**
     * Why connecting to {@code options}' server failed, in words.
     *
     * @return a sentence naming the certificate problem when the cause is one, else the cause's message
     */
    static String explain(Throwable failure, ImbotOptions options) {
        String specific = specific(failure, options);
        if (specific != null) {
            return specific;
        }
        String trusted = options.transport().caFile().isEmpty() ? "the JVM's trust store" : options.transport().caFile();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("PKIX path") || m.contains("unable to find valid certification path")) {
                return "the server's certificate is not trusted: no certificate in " + trusted + " signed it";
            }
        }
        return hasSsl(failure) ? "TLS handshake failed: " + failure.getMessage() : failure.getMessage();
    }

    /** An expired, not yet valid or misnamed certificate: more precise than "not trusted", which the JDK reports them as too. */
    private static String specific(Throwable failure, ImbotOptions options) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException
                    || t instanceof CertPathValidatorException v && v.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                return "the server's certificate has expired (" + t.getMessage() + ")";
            }
            if (t instanceof CertificateNotYetValidException
                    || t instanceof CertPathValidatorException v && v.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                return "the server's certificate is not valid yet (" + t.getMessage() + ")";
            }
            String m = String.valueOf(t.getMessage());
            if (m.contains("No subject alternative") || m.contains("No name matching")) {
                return "the server's certificate is not for " + options.host() + " (hostname mismatch: " + m + ")";
            }
        }
        return null;
    }

    private static boolean hasSsl(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }
}
