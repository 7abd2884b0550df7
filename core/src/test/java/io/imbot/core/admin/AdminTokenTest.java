package io.imbot.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.imbot.core.testing.AdminFixture;
import io.imbot.core.testing.LogCapture;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class AdminTokenTest {

    @TempDir
    Path home;

    @Test
    void create_posixFileSystem_ownerOnlyFileAndAFreshTokenEachTime() throws Exception {
        assumeThat(Files.getFileStore(home).supportsFileAttributeView(PosixFileAttributeView.class)).isTrue();
        Path file = home.resolve("data/admin.token");

        String first = AdminToken.create(file);
        String firstPermissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        String second = AdminToken.create(file);

        assertThat(firstPermissions).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first).matches("[A-Za-z0-9_-]{43}");
        assertThat(second).isNotEqualTo(first);
        assertThat(AdminToken.read(file)).isEqualTo(second);
        try (var left = Files.list(file.getParent())) {
            assertThat(left).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void matches_onlyTheWholeToken_true() {
        byte[] digest = AdminToken.digest("abcdef");

        assertThat(AdminToken.matches(digest, "abcdef")).isTrue();
        assertThat(AdminToken.matches(digest, "abcde")).isFalse();
        assertThat(AdminToken.matches(digest, "abcdefg")).isFalse();
        assertThat(AdminToken.matches(digest, "")).isFalse();
        assertThat(AdminToken.matches(digest, "ABCDEF")).isFalse();
    }

    @Test
    void start_writesTheTokenFile_tokenNeverLogged(Vertx vertx) throws Exception {
        try (LogCapture log = new LogCapture(); AdminFixture admin = AdminFixture.start(vertx, home, null, null)) {
            String token = admin.token();

            assertThat(admin.get("/api/status").status()).isEqualTo(200);
            assertThat(admin.send("GET /api/status HTTP/1.1\r\nHost: 127.0.0.1:" + admin.port + "\r\nAuthorization: Bearer x"
                    + token + "\r\n\r\n").status()).isEqualTo(401);
            assertThat(admin.config.tokenFile()).isEqualTo(home.resolve("data/admin.token"));
            assertThat(log.lines()).noneMatch(line -> line.contains(token));
        }
    }

    @Test
    void start_beyondLoopbackWithPlainHttpAllowed_warnsLoudly(Vertx vertx) throws Exception {
        try (LogCapture log = new LogCapture(); AdminFixture admin = AdminFixture.start(vertx, home, null, null,
                "imbot.admin.host", "0.0.0.0", "imbot.admin.allowPlainHttp", "true")) {

            assertThat(log.lines()).anyMatch(line -> line.startsWith("WARN ") && line.contains("0.0.0.0:" + admin.port)
                    && line.contains("WITHOUT TLS"));
            assertThat(admin.get("/api/status").status()).as("loopback aliases work on a wildcard address").isEqualTo(200);
        }
    }
}
