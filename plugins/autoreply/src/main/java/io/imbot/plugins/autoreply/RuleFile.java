package io.imbot.plugins.autoreply;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

/** Reads a rules file from disk: size limit, UTF-8 check, then {@link RuleFileParser}. */
final class RuleFile {

    /** Larger files are refused: a rules file is something people write by hand. */
    static final int MAX_BYTES = 1 << 20;

    private RuleFile() {}

    /** Reads and parses {@code file}; every error names the file. */
    static RuleSet load(Path file, ZoneId defaultZone) throws RuleFileException, IOException {
        return parse(file, Files.readAllBytes(file), defaultZone);
    }

    /** Parses bytes read from {@code file}; every error names the file. */
    static RuleSet parse(Path file, byte[] bytes, ZoneId defaultZone) throws RuleFileException {
        try {
            return new RuleFileParser(defaultZone).parse(text(bytes));
        } catch (RuleFileException e) {
            throw e.in(file);
        }
    }

    private static String text(byte[] bytes) throws RuleFileException {
        if (bytes.length > MAX_BYTES) {
            throw new RuleFileException(0, 0, "the file has " + bytes.length + " bytes, more than the " + MAX_BYTES + " allowed");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new RuleFileException(0, 0, "the file is not UTF-8 text");
        }
    }
}
