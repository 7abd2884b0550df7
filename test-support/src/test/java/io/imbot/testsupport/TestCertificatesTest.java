package io.imbot.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCertificatesTest {

    @TempDir
    Path dir;

    private static X509Certificate cert(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static PrivateKey key(Path file) throws Exception {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static List<Object> altNames(X509Certificate cert) throws Exception {
        return cert.getSubjectAlternativeNames().stream().map(entry -> (Object) entry.get(1)).toList();
    }

    /** Whether {@code key} signs what {@code cert}'s public key verifies: the two belong together. */
    private static boolean matches(X509Certificate cert, PrivateKey key) throws Exception {
        byte[] data = "probe".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(cert.getPublicKey());
        verifier.update(data);
        return verifier.verify(signature);
    }

    @Test
    void generate_defaults_serverCertSignedByCaForLoopbackNamesWithItsKey() throws Exception {
        TestCertificates.PemFiles files = TestCertificates.generate(dir);

        X509Certificate ca = cert(files.caCert());
        X509Certificate server = cert(files.serverCert());
        server.verify(ca.getPublicKey());
        server.checkValidity();
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        assertThat(altNames(server)).containsExactly("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(matches(server, key(files.serverKey()))).isTrue();
    }

    @Test
    void generate_selfSigned_notSignedByTheCaButByItself() throws Exception {
        TestCertificates.PemFiles files = TestCertificates.generate(dir);

        X509Certificate self = cert(files.selfSignedCert());
        self.verify(self.getPublicKey());
        assertThatThrownBy(() -> self.verify(cert(files.caCert()).getPublicKey())).isInstanceOf(SignatureException.class);
        assertThat(matches(self, key(files.selfSignedKey()))).isTrue();
    }

    @Test
    void generate_datesInThePast_serverCertExpiredAndCarriesThem() throws Exception {
        Instant from = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        Instant to = from.plus(Duration.ofDays(1));
        TestCertificates.PemFiles files = TestCertificates.generate(dir.resolve("expired"), List.of("example.test"), from, to);

        X509Certificate server = cert(files.serverCert());
        assertThat(server.getNotBefore()).isEqualTo(Date.from(from));
        assertThat(server.getNotAfter()).isEqualTo(Date.from(to));
        assertThatThrownBy(server::checkValidity).isInstanceOf(CertificateExpiredException.class);
        assertThat(altNames(server)).containsExactly("example.test");
    }

    @Test
    void generate_badArguments_throwNamingThem() {
        Instant now = Instant.now();
        assertThatThrownBy(() -> TestCertificates.generate(dir, List.of(), now, now.plusSeconds(1))).hasMessageContaining("names");
        assertThatThrownBy(() -> TestCertificates.generate(dir, List.of(" "), now, now.plusSeconds(1))).hasMessageContaining("names");
        assertThatThrownBy(() -> TestCertificates.generate(dir, List.of("localhost"), now, now)).hasMessageContaining("notAfter");
    }
}
