package io.imbot.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The Prosody XMPP server from the system's packages, as a child process on a free loopback port,
 * with a configuration, certificates and data written to a folder of the caller's: virtual host
 * {@code localhost} with STARTTLS required (a certificate from {@link TestCertificates}), SCRAM
 * logins, stream management, offline storage, and the MUC service {@code conference.localhost}.
 * No server-to-server traffic. Stopped by its PID; {@link #restart} starts it again on the same port
 * and data, so accounts and offline messages survive.
 *
 * <p>Prosody refuses to run as root unless told it may ({@code run_as_root}): CI runs as root, and
 * switching to the {@code prosody} user would leave it unable to read a test's temporary folder.
 */
public final class Prosody implements AutoCloseable {

    /** The virtual host. */
    public static final String DOMAIN = "localhost";
    /** The MUC service. */
    public static final String MUC = "conference.localhost";

    private final Path folder;
    private final int port;
    private final TestCertificates.PemFiles certs;
    private final ServerProcess process;
    private final Duration timeout;

    private Prosody(Path folder, int port, TestCertificates.PemFiles certs, Duration timeout) {
        this.folder = folder;
        this.port = port;
        this.certs = certs;
        this.timeout = timeout;
        this.process = new ServerProcess("prosody on 127.0.0.1:" + port,
                List.of(ServerProcess.require("prosody", "prosody").toString(), "-F", "--config", config().toString()), new Ready());
    }

    /**
     * Writes a configuration into {@code folder}, starts Prosody and waits until it listens with
     * its certificate loaded.
     *
     * @throws IllegalStateException when Prosody is not installed or does not start, with its output
     */
    public static Prosody start(Path folder, Duration timeout) {
        try {
            Files.createDirectories(folder.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestCertificates.PemFiles certs = TestCertificates.generate(folder.resolve("certs"));
        Prosody server = new Prosody(folder, ServerProcess.freePort(), certs, timeout);
        server.writeConfig();
        server.process.launch(timeout);
        return server;
    }

    /** The c2s port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The PEM file of the CA that signed the server's certificate: the connector's {@code caFile}. */
    public Path caFile() {
        return certs.caCert();
    }

    /** Creates the account {@code user@localhost} with {@code password}. */
    public void register(String user, String password) {
        List<String> command = List.of(ServerProcess.require("prosodyctl", "prosody").toString(), "--config", config().toString(),
                "register", user, DOMAIN, password);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("prosodyctl register " + user + " did not end in time");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("prosodyctl register " + user + " failed (" + p.exitValue() + "): " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops it cleanly (SIGTERM: sessions closed, offline messages kept) and waits for it to end; thaws it first if paused. */
    public void stop() {
        if (process.alive()) {
            resume();
        }
        process.stop();
    }

    /** Stops it, then starts it again on the same port with the same data. */
    public void restart() {
        stop();
        process.launch(timeout);
    }

    /** Freezes it (SIGSTOP): connections stay open, nothing answers; {@link #resume()} thaws it. */
    public void pause() {
        signal("-STOP");
    }

    /** Lets a {@link #pause() paused} server run again (SIGCONT). */
    public void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What it printed so far, for failure messages. */
    public String output() {
        return process.output();
    }

    @Override
    public void close() {
        stop();
    }

    private Path config() {
        return folder.resolve("prosody.cfg.lua");
    }

    private void writeConfig() {
        String f = folder.toAbsolutePath().toString();
        String config = String.join("\n",
                "run_as_root = true",
                "pidfile = " + lua(f + "/prosody.pid"),
                "data_path = " + lua(f + "/data"),
                "certificates = " + lua(f + "/certs"),
                "interfaces = { \"127.0.0.1\" }",
                "c2s_ports = { " + port + " }",
                "c2s_direct_tls_ports = { }",
                "legacy_ssl_ports = { }",
                "s2s_ports = { }",
                "modules_enabled = { \"roster\", \"saslauth\", \"tls\", \"disco\", \"ping\", \"smacks\", \"offline\", \"posix\" }",
                "modules_disabled = { \"s2s\" }",
                "authentication = \"internal_hashed\"",
                "c2s_require_encryption = true",
                "allow_registration = false",
                // Info to stdout: the ready lines; unbuffered enough as each line is flushed by the console sink.
                "log = { { levels = { min = \"info\" }, to = \"console\" } }",
                "VirtualHost \"" + DOMAIN + "\"",
                "  ssl = { certificate = " + lua(certs.serverCert().toString()) + ", key = " + lua(certs.serverKey().toString()) + " }",
                "Component \"" + MUC + "\" \"muc\"",
                "");
        try {
            Files.writeString(config(), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lua(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * Ready once the c2s port is open and the virtual host's certificate is loaded (Prosody logs
     * them in either order); starts over at each start.
     */
    private static final class Ready implements Predicate<String> {
        private boolean listening;
        private boolean certificate;

        @Override
        public boolean test(String line) {
            if (line.contains("Hello and welcome to Prosody")) {
                listening = false;
                certificate = false;
            }
            listening |= line.contains("Activated service 'c2s' on");
            certificate |= line.startsWith(DOMAIN + ":tls") && line.contains("Certificates loaded");
            return listening && certificate;
        }
    }
}
