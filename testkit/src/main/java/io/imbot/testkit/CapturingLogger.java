package io.imbot.testkit;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;

/** A {@link System.Logger} that appends every line to the tester's log list. */
final class CapturingLogger implements System.Logger {

    private final String name;
    private final List<LogEntry> sink;

    /** @param sink a synchronized list shared by all of a tester's loggers */
    CapturingLogger(String name, List<LogEntry> sink) {
        this.name = name;
        this.sink = sink;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        return level != Level.OFF;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        if (isLoggable(level)) {
            sink.add(new LogEntry(name, level, String.valueOf(msg), thrown));
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            String text = params == null || params.length == 0
                    ? String.valueOf(format)
                    : MessageFormat.format(String.valueOf(format), params);
            sink.add(new LogEntry(name, level, text, null));
        }
    }
}
