package io.imbot.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;
import org.bouncycastle.util.io.pem.PemObjectGenerator;

/**
 * Makes TLS certificates for tests at run time, as PEM files: a CA, a server certificate signed by
 * it, and a self-signed server certificate that no CA vouches for. Nothing is cached or checked in,
 * so no test depends on a certificate that expires on some date.
 *
 * <pre>{@code
 * TestCertificates.PemFiles certs = TestCertificates.generate(tempDir);
 * // server: certs.serverCert() and certs.serverKey(); client: trust certs.caCert()
 * TestCertificates.PemFiles expired = TestCertificates.generate(tempDir.resolve("expired"),
 *         TestCertificates.DEFAULT_NAMES, Instant.now().minus(Duration.ofDays(2)), Instant.now().minus(Duration.ofDays(1)));
 * }</pre>
 *
 * <p>Keys are EC P-256 (quick to make), written as PKCS#8 ({@code BEGIN PRIVATE KEY}), which Vert.x's
 * {@code PemKeyCertOptions} and the JDK read. Thread-safe: every call makes its own keys.
 */
public final class TestCertificates {

    /** The names a server certificate carries unless told otherwise: {@code localhost}, {@code 127.0.0.1}, {@code ::1}. */
    public static final List<String> DEFAULT_NAMES = List.of("localhost", "127.0.0.1", "::1");

    /**
     * Where {@link #generate} wrote the files.
     *
     * @param caCert the CA's certificate (PEM): what a client trusts
     * @param serverCert the server certificate signed by the CA (PEM)
     * @param serverKey the private key of {@code serverCert} (PEM, PKCS#8)
     * @param selfSignedCert a server certificate for the same names and dates, signed by its own key
     *     and not by the CA: a client that trusts only the CA refuses it
     * @param selfSignedKey the private key of {@code selfSignedCert} (PEM, PKCS#8)
     */
    public record PemFiles(Path caCert, Path serverCert, Path serverKey, Path selfSignedCert, Path selfSignedKey) {
        /** Checks that no path is null. */
        public PemFiles {
            Objects.requireNonNull(caCert, "caCert");
            Objects.requireNonNull(serverCert, "serverCert");
            Objects.requireNonNull(serverKey, "serverKey");
            Objects.requireNonNull(selfSignedCert, "selfSignedCert");
            Objects.requireNonNull(selfSignedKey, "selfSignedKey");
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestCertificates() {}

    /**
     * Like {@link #generate(Path, List, Instant, Instant)} for {@link #DEFAULT_NAMES}, valid from an
     * hour ago (clocks differ a little) to a day from now.
     */
    public static PemFiles generate(Path folder) {
        Instant now = Instant.now();
        return generate(folder, DEFAULT_NAMES, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
    }

    /**
     * Writes {@code ca-cert.pem}, {@code server-cert.pem}, {@code server-key.pem}, {@code
     * self-signed-cert.pem} and {@code self-signed-key.pem} into {@code folder} (created if missing;
     * files of these names are replaced). The CA is valid from an hour before {@code notBefore} to
     * an hour after {@code notAfter}, so only the server certificates carry the given dates.
     *
     * @param folder where to write
     * @param names the server certificates' subject alternative names: host names, IPv4 or IPv6
     *     literals; the first is also the subject's common name
     * @param notBefore the server certificates are not valid before this
     * @param notAfter the server certificates are not valid after this; in the past for an expired one
     * @return the paths written
     * @throws IllegalArgumentException when {@code names} is empty or holds a blank name, or {@code
     *     notAfter} is not after {@code notBefore}
     * @throws UncheckedIOException when a file cannot be written
     * @throws IllegalStateException when the JDK or BouncyCastle cannot make a key or a signature
     */
    public static PemFiles generate(Path folder, List<String> names, Instant notBefore, Instant notAfter) {
        Objects.requireNonNull(folder, "folder");
        checkNames(names);
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter (" + notAfter + ") must be after notBefore (" + notBefore + ")");
        }
        try {
            PemFiles files = new PemFiles(folder.resolve("ca-cert.pem"), folder.resolve("server-cert.pem"),
                    folder.resolve("server-key.pem"), folder.resolve("self-signed-cert.pem"), folder.resolve("self-signed-key.pem"));
            Files.createDirectories(folder);
            KeyPair caKeys = newKeyPair();
            X500Name caName = new X500Name("CN=imbot test CA " + Long.toHexString(RANDOM.nextLong()));
            X509Certificate ca = caCertificate(caName, caKeys, notBefore.minus(Duration.ofHours(1)), notAfter.plus(Duration.ofHours(1)));
            writePem(files.caCert(), new JcaMiscPEMGenerator(ca));

            KeyPair serverKeys = newKeyPair();
            writePem(files.serverCert(), new JcaMiscPEMGenerator(serverCertificate(caName, caKeys, serverKeys, names, notBefore, notAfter)));
            writePem(files.serverKey(), new JcaPKCS8Generator(serverKeys.getPrivate(), null));

            KeyPair selfKeys = newKeyPair();
            X500Name selfName = new X500Name("CN=" + names.get(0));
            writePem(files.selfSignedCert(), new JcaMiscPEMGenerator(serverCertificate(selfName, selfKeys, selfKeys, names, notBefore, notAfter)));
            writePem(files.selfSignedKey(), new JcaPKCS8Generator(selfKeys.getPrivate(), null));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write test certificates into " + folder, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make test certificates: " + e, e);
        }
    }

    private static void checkNames(List<String> names) {
        Objects.requireNonNull(names, "names");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("names must hold at least one host name or IP address");
        }
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("names must not hold a blank name: " + names);
            }
        }
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate caCertificate(X500Name name, KeyPair keys, Instant from, Instant to)
            throws GeneralSecurityException, OperatorCreationException, CertIOException {
        X509v3CertificateBuilder builder = builder(name, keys, name, keys, from, to);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return sign(builder, keys);
    }

    /**
     * A trust manager that trusts the certificates in the PEM file {@code caPem} and nothing else,
     * for a test client of a server that a test started with {@link #generate} certificates.
     *
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalStateException when it holds no certificate the JDK can read
     */
    public static X509TrustManager trustManager(Path caPem) {
        try (InputStream in = Files.newInputStream(caPem)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return (X509TrustManager) factory.getTrustManagers()[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + caPem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no CA certificate in " + caPem + ": " + e.getMessage(), e);
        }
    }

    /** A server certificate for {@code names}, issued by {@code issuer} (the subject itself when self-signed). */
    private static X509Certificate serverCertificate(X500Name issuer, KeyPair issuerKeys, KeyPair subjectKeys, List<String> names,
            Instant from, Instant to) throws GeneralSecurityException, OperatorCreationException, CertIOException {
        X500Name subject = new X500Name("CN=" + names.get(0));
        X509v3CertificateBuilder builder = builder(issuer, issuerKeys, subject, subjectKeys, from, to);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames(names));
        return sign(builder, issuerKeys);
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, KeyPair issuerKeys, X500Name subject, KeyPair subjectKeys,
            Instant from, Instant to) throws GeneralSecurityException, CertIOException {
        BigInteger serial = new BigInteger(64, RANDOM).add(BigInteger.ONE);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuer, serial, Date.from(from), Date.from(to), subject, subjectKeys.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKeys.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
        return builder;
    }

    private static GeneralNames subjectAltNames(List<String> names) {
        GeneralName[] entries = new GeneralName[names.size()];
        for (int i = 0; i < entries.length; i++) {
            String name = names.get(i);
            entries[i] = IPAddress.isValid(name) ? new GeneralName(GeneralName.iPAddress, name) : new GeneralName(GeneralName.dNSName, name);
        }
        return new GeneralNames(entries);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    }

    private static void writePem(Path file, PemObjectGenerator object) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
                JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(object);
        }
    }
}
