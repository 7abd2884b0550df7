package io.imbot.plugins.ircconnector;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A person on IRC: a plain {@link Socket} speaking raw protocol lines, independent of the code under
 * test. A thread reads every line into a queue (answering PINGs itself); tests take lines from it
 * with bounded waits. Each line keeps the number of bytes it had on the wire, CR LF included.
 */
final class Person implements AutoCloseable {

    /** One line as received. */
    record Received(String text, int wireBytes) {
        IrcLine parsed() {
            return IrcLine.parse(text);
        }
    }

    /** Put in the queue when the server closed the connection. */
    static final Received END = new Received("", 0);

    final String nick;
    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<Received> lines = new LinkedBlockingQueue<>();

    private Person(String nick, int port) throws IOException {
        this.nick = nick;
        this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
        this.out = socket.getOutputStream();
        Thread reader = new Thread(this::readAll, "person " + nick);
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects, registers as {@code nick} and waits for the welcome. */
    static Person connect(int port, String nick, long seconds) throws IOException, InterruptedException {
        Person p = new Person(nick, port);
        p.send("NICK " + nick);
        p.send("USER " + nick + " 0 * :a person");
        p.await(l -> l.text().contains(" 001 "), seconds, "welcome for " + nick);
        return p;
    }

    /** Joins {@code channel} and waits until the server says so. */
    void join(String channel, long seconds) throws InterruptedException {
        send("JOIN " + channel);
        await(l -> l.text().startsWith(":" + nick + "!") && l.text().contains(" JOIN "), seconds, nick + " joining " + channel);
    }

    void privmsg(String target, String text) {
        send("PRIVMSG " + target + " :" + text);
    }

    /** Writes one raw line; CR LF is added. */
    synchronized void send(String line) {
        try {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next PRIVMSG to this person or a channel it is in, skipping other lines. */
    Received nextPrivmsg(long seconds) throws InterruptedException {
        return await(l -> l != END && l.text().contains(" PRIVMSG "), seconds, "a PRIVMSG for " + nick);
    }

    /** The next line matching {@code wanted} (or {@link #END}), skipping others; fails after {@code seconds}. */
    Received await(Predicate<Received> wanted, long seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            Received l = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (l == null) {
                throw new AssertionError("no " + what + " within " + seconds + " s");
            }
            if (l == END || wanted.test(l)) {
                return l;
            }
        }
    }

    /** The next line within {@code seconds}, or {@code null}. */
    Received poll(long seconds) throws InterruptedException {
        return lines.poll(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void readAll() {
        try (InputStream in = new BufferedInputStream(socket.getInputStream())) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                byte[] bytes = line.toByteArray();
                line.reset();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
                if (text.startsWith("PING ")) {
                    send("PONG " + text.substring(5));
                } else {
                    lines.add(new Received(text, bytes.length + 1));
                }
            }
        } catch (IOException e) {
            // closed
        }
        lines.add(END);
    }
}
