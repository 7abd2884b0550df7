package io.imbot.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A mosquitto broker from the system's packages, started with its own configuration on a free
 * loopback port (no persistence, anonymous) and stopped after the MQTT rows.
 */
final class Mosquitto implements AutoCloseable {

    private final Child child;
    private final Path dir;
    final int port;

    private Mosquitto(Child child, Path dir, int port) {
        this.child = child;
        this.dir = dir;
        this.port = port;
    }

    /** The broker binary on PATH or in /usr/sbin, or {@code null} when it is not installed. */
    static Path binary() {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin";
        for (String d : path.split(":")) {
            Path p = Path.of(d.isEmpty() ? "." : d, "mosquitto");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    static Mosquitto start(boolean verbose) throws Exception {
        Path bin = binary();
        if (bin == null) {
            throw new IllegalStateException("mosquitto is not installed (apt-get install mosquitto)");
        }
        Path dir = Env.tempDir("mosquitto-");
        int port = Env.freePort();
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                "max_queued_messages 100000",
                "") );
        Child child = Child.start("mosquitto", List.of(bin.toString(), "-c", conf.toString()), Map.of(), verbose);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new Mosquitto(child, dir, port);
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !child.process().isAlive()) {
                    child.close();
                    throw new IllegalStateException("mosquitto did not start listening on 127.0.0.1:" + port);
                }
                Thread.sleep(50);
            }
        }
    }

    String version() {
        return "mosquitto";
    }

    @Override
    public void close() {
        child.close();
        Env.deleteTree(dir);
    }
}
