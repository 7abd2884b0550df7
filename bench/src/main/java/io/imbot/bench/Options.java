package io.imbot.bench;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How much the suite does. {@code --quick}: tiny counts and one run, to prove every benchmark still
 * works (CI); the default: several runs of each, medians reported.
 */
record Options(boolean quick, int runs, Set<String> only, boolean verbose) {

    static final List<String> PARTS = List.of("send", "mqtt", "xmpp", "irc", "reply", "memory", "history", "start");

    static Options parse(String[] args) {
        boolean quick = false;
        int runs = -1;
        Set<String> only = new LinkedHashSet<>(PARTS);
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--only" -> only = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
                case "--verbose" -> verbose = true;
                case "--no-build" -> { } // handled by bench/run
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --quick, --runs N, --only " + String.join(",", PARTS) + ", --verbose)");
            }
        }
        for (String part : only) {
            if (!PARTS.contains(part)) {
                throw new IllegalArgumentException("unknown part '" + part + "'; parts: " + String.join(",", PARTS));
            }
        }
        return new Options(quick, runs > 0 ? runs : quick ? 1 : 3, only, verbose);
    }

    boolean runs(String part) {
        return only.contains(part);
    }

    double warmup() {
        return quick ? 0.3 : 2;
    }

    double measure() {
        return quick ? 0.7 : 5;
    }
}
