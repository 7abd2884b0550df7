package io.imbot.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * The ngIRCd server from the system's packages ({@code apt-get install ngircd}) as a child process
 * on free loopback ports, with a configuration written to a folder of the caller's: no PAM, ident
 * or DNS lookups (each would hold up every login), nicks up to 30 characters, no limit on
 * connections from one address, the MOTD in that folder. Its default flood limits stay as they
 * are: they are what the connector must live with.
 *
 * <p>ngIRCd started as root drops to {@code nobody} after reading its configuration, MOTD and keys
 * (it refuses to run as root), and could then not write a PID file into the caller's folder; it
 * writes none ({@code PidFile} empty), since the harness knows the PID of its child anyway. With
 * {@code --nodaemon} it logs to stdout; it is ready once it says {@code Server "..." ... ready.}
 */
public final class Ngircd implements AutoCloseable {

    public static final String NAME = "irc.imbot.test";

    private final Path folder;
    private final int port;
    private final int tlsPort;
    private final ServerProcess process;

    /**
     * What to set up besides the defaults.
     *
     * @param password the server password every client must give; empty for none
     * @param certificates a certificate and key for a TLS port; {@code null} for none
     * @param penalties whether ngIRCd's flood penalties apply (it then reads about 3 lines a second
     *     from each client); off only for benchmarks, which measure the client's own cost
     */
    public record Setup(String password, TestCertificates.PemFiles certificates, boolean penalties) {
        public static final Setup PLAIN = new Setup("", null);

        /** With the server's flood penalties on, as every server has them. */
        public Setup(String password, TestCertificates.PemFiles certificates) {
            this(password, certificates, true);
        }

        /** The same set-up with ngIRCd's flood penalties off ({@code MaxPenaltyTime = 0}). */
        public Setup withoutPenalties() {
            return new Setup(password, certificates, false);
        }
    }

    private Ngircd(Path binary, Path folder, boolean tls) {
        this.folder = folder;
        this.port = ServerProcess.freePort();
        this.tlsPort = tls ? ServerProcess.freePort() : -1;
        this.process = new ServerProcess("ngircd on 127.0.0.1:" + port,
                List.of(binary.toString(), "--nodaemon", "--config", folder.resolve("ngircd.conf").toString()),
                line -> line.contains("Server \"" + NAME + "\"") && line.endsWith("ready."));
    }

    /**
     * Starts a server and waits until it is ready.
     *
     * @throws IllegalStateException when ngircd is not installed or does not start, with its output
     */
    public static Ngircd start(Path folder, Setup setup, Duration timeout) {
        Ngircd server = new Ngircd(ServerProcess.require("ngircd", "ngircd"), folder, setup.certificates() != null);
        server.writeConfig(setup);
        server.process.launch(timeout);
        return server;
    }

    /** The plain-text port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The TLS port on 127.0.0.1, or -1 when the setup had no certificate. */
    public int tlsPort() {
        return tlsPort;
    }

    /** Stops it with SIGTERM: it tells each client {@code ERROR :Server going down} and closes. */
    public void stop() {
        process.stop();
    }

    /** Kills it with SIGKILL: connections just end, and what it had not read is gone. */
    public void kill() {
        process.kill();
    }

    /** Starts it again on the same ports and folder, after {@link #stop} or {@link #kill}. */
    public void startAgain(Duration timeout) {
        process.launch(timeout);
    }

    /** What it printed so far, for failure messages. */
    public String output() {
        return process.output();
    }

    @Override
    public void close() {
        process.stop();
    }

    /**
     * The server key rewritten in the SEC 1 form ({@code BEGIN EC PRIVATE KEY}) with its curve and
     * public key inside: GnuTLS, which ngIRCd uses, cannot read the JDK's PKCS#8 EC keys, whose
     * inner structure leaves both out ("ASN1 parser: Element was not found"). The public key is
     * taken from the certificate.
     */
    private static Path sec1Key(TestCertificates.PemFiles certs, Path out) throws IOException {
        SubjectPublicKeyInfo publicKey;
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(certs.serverCert()))) {
            publicKey = ((X509CertificateHolder) parser.readObject()).getSubjectPublicKeyInfo();
        }
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(certs.serverKey()))) {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(parser.readObject());
            ECPrivateKey key = ECPrivateKey.getInstance(info.parsePrivateKey());
            ECPrivateKey full = new ECPrivateKey(256, key.getKey(), publicKey.getPublicKeyData(), info.getPrivateKeyAlgorithm().getParameters());
            try (PemWriter writer = new PemWriter(Files.newBufferedWriter(out))) {
                writer.writeObject(new PemObject("EC PRIVATE KEY", full.getEncoded()));
            }
        }
        return out.toAbsolutePath();
    }

    private void writeConfig(Setup setup) {
        try {
            Files.createDirectories(folder.resolve("conf.d")); // empty: keeps the system's /etc/ngircd/ngircd.conf.d out
            Files.writeString(folder.resolve("motd"), "imbot test server\n");
            List<String> conf = new ArrayList<>(List.of(
                    "[Global]",
                    "  Name = " + NAME,
                    "  Info = imbot test server",
                    "  AdminInfo1 = imbot tests",
                    "  AdminInfo2 = loopback",
                    "  AdminEMail = nobody@" + NAME,
                    "  Listen = 127.0.0.1",
                    "  Ports = " + port,
                    "  MotdFile = " + folder.resolve("motd"),
                    "  PidFile = ",
                    "[Limits]",
                    "  MaxNickLength = 30",
                    "  MaxConnectionsIP = 0",
                    "[Options]",
                    "  PAM = no",
                    "  Ident = no",
                    "  DNS = no",
                    "  IncludeDir = " + folder.resolve("conf.d")));
            if (!setup.penalties()) {
                conf.add(conf.indexOf("[Limits]") + 1, "  MaxPenaltyTime = 0");
            }
            if (!setup.password().isEmpty()) {
                conf.add(4, "  Password = " + setup.password());
            }
            if (setup.certificates() != null) {
                conf.addAll(List.of(
                        "[SSL]",
                        "  CertFile = " + setup.certificates().serverCert().toAbsolutePath(),
                        "  KeyFile = " + sec1Key(setup.certificates(), folder.resolve("server-key.pem")),
                        "  Ports = " + tlsPort));
            }
            conf.add("");
            Files.writeString(folder.resolve("ngircd.conf"), String.join("\n", conf));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
