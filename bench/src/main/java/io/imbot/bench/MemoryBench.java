package io.imbot.bench;

import java.util.List;

/** Part 4: heap per pending message, measured by {@link MemoryProbe} in its own 1 GiB JVM. */
final class MemoryBench {

    private MemoryBench() {}

    static void runOnce(Options o, Samples s, Child server, int serverPort) throws Exception {
        String levels = o.quick() ? "10000,20000" : "100000,1000000";
        String[] names = {"mem.pending.100k", "mem.pending.1m"};
        server.tell("withhold");
        server.awaitLine("OK withhold", 10_000);
        try (Child probe = Child.java("memprobe", List.of("-Xmx1g", "-Xms1g", "-XX:+UseG1GC"), MemoryProbe.class.getName(),
                List.of(String.valueOf(serverPort), levels), o.verbose())) {
            for (String name : names) {
                String line = probe.awaitLine("RESULT", 600_000);
                s.add(name, number(line, "bytesPerPending="));
                s.add(name + ".heapMiB", number(line, "heapUsed=") / 1048576.0);
            }
            probe.awaitLine("DONE", 60_000);
        } finally {
            server.tell("honest");
            server.awaitLine("OK honest", 10_000);
        }
    }

    static double number(String line, String key) {
        int i = line.indexOf(key) + key.length();
        int j = i;
        while (j < line.length() && line.charAt(j) != ' ') {
            j++;
        }
        return Double.parseDouble(line.substring(i, j));
    }
}
