package io.imbot.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Checks {@link ServerOptions}' TLS files when the options are made, so a wrong path fails with a
 * message naming the setting and the file, instead of at start with one from deep inside Vert.x.
 */
final class PemFileCheck {

    static final Pattern CERTIFICATE = Pattern.compile("-----BEGIN CERTIFICATE-----");
    /** The private key encodings Vert.x's {@code PemKeyCertOptions} reads: PKCS#8, PKCS#1 (RSA), SEC1 (EC); none encrypted. */
    static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN (RSA |EC )?PRIVATE KEY-----");

    private PemFileCheck() {}

    /**
     * Requires {@code path} to be a readable file holding {@code marker}.
     *
     * @throws IllegalArgumentException naming {@code field} and the file
     */
    static void require(String field, String path, Pattern marker, String what) {
        Path file;
        try {
            file = Path.of(path);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(field + ": '" + path + "' is not a valid path: " + e.getMessage(), e);
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(field + ": no such file: " + file.toAbsolutePath());
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(field + ": not a regular file: " + file.toAbsolutePath());
        }
        String text;
        try {
            // ISO-8859-1 maps every byte to a character: a binary file is read, not refused
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(field + ": cannot read " + file.toAbsolutePath() + ": " + e, e);
        }
        if (!marker.matcher(text).find()) {
            throw new IllegalArgumentException(field + ": " + file.toAbsolutePath() + " holds no " + what
                    + " (no line matching " + marker.pattern() + ")");
        }
    }
}
