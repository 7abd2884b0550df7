package io.imbot.plugins.autoreply;

import java.nio.file.Path;

/**
 * A rules file that cannot be used, with where and why: {@code file:line:column: reason}. Lines
 * and columns count from 1; 0 means the problem has no single place (for example an unreadable
 * file).
 */
final class RuleFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;
    private final String reason;

    RuleFileException(int line, int column, String reason) {
        this(null, line, column, reason);
    }

    private RuleFileException(Path file, int line, int column, String reason) {
        super(reason);
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** An error at a node of the file. */
    static RuleFileException at(YNode node, String reason) {
        return new RuleFileException(node.line(), node.column(), reason);
    }

    /** The same error, naming the file it is in. */
    RuleFileException in(Path file) {
        RuleFileException e = new RuleFileException(file, line, column, reason);
        e.setStackTrace(getStackTrace());
        return e;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }

    String reason() {
        return reason;
    }

    /** {@code file:line:column: reason}, leaving out what is unknown. */
    @Override
    public String getMessage() {
        StringBuilder where = new StringBuilder(file == null ? "<rules>" : file.toString());
        if (line > 0) {
            where.append(':').append(line);
            if (column > 0) {
                where.append(':').append(column);
            }
        }
        return where + ": " + reason;
    }
}
