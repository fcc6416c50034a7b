import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bare Angus Mail loop the sending benchmark compares the application with: THREADS threads,
 * each with one reused SMTP connection, send COUNT copies of one real invitation (as the sink dumped
 * it) with nothing else around them: no database, no rendering, no MIME building. Each message gets
 * its own recipient and Message-ID, like the application's.
 *
 * <pre>java -cp angus-mail.jar:jakarta.mail-api.jar:... Bare.java TEMPLATE HOST PORT COUNT THREADS WARMUP</pre>
 *
 * WARMUP messages go first over the same connections, untimed, as the application had its warm-up
 * campaign (JIT); then every thread starts the timed COUNT together.
 *
 * Prints one line: {@code sent=N first_to_last_s=S rate=R size=B cpu_us_per_message=C} (rate =
 * (N - 1) / S, the same measure as the application's first to last sent_at; C is this JVM's CPU time
 * during the timed part, JIT and GC included, per message).
 */
public class Bare {

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: Bare TEMPLATE HOST PORT COUNT THREADS WARMUP");
            System.exit(2);
        }
        byte[] template = stripSinkHeaders(Files.readAllBytes(Path.of(args[0])));
        String host = args[1];
        int port = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);

        Properties props = new Properties();
        props.put("mail.transport.protocol", "smtp");
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.starttls.enable", "false");
        props.put("mail.smtp.connectiontimeout", "30000");
        props.put("mail.smtp.timeout", "30000");
        props.put("mail.smtp.writetimeout", "30000");
        props.put("mail.smtp.sendpartial", "false");
        // As the application does (SmtpTransport): without it, each message of more than 8 KB waits
        // ~40 ms for the sink's delayed ACK (Nagle), and both loops crawl at ~20 messages/s.
        props.put("mail.smtp.socketFactory", new NoDelay());
        Session session = Session.getInstance(props);
        MimeMessage probe = new MimeMessage(session, new ByteArrayInputStream(template));
        ByteArrayOutputStream size = new ByteArrayOutputStream();
        probe.writeTo(size);

        AtomicInteger warm = new AtomicInteger();
        java.util.concurrent.CyclicBarrier ready = new java.util.concurrent.CyclicBarrier(threads);
        AtomicLong cpuAtStart = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        AtomicLong last = new AtomicLong(Long.MIN_VALUE);
        AtomicInteger sent = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    Transport transport = session.getTransport("smtp");
                    transport.connect();
                    try {
                        // Each thread its own parsed copy: MimeMessage is not thread-safe.
                        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(template));
                        for (int n = warm.getAndIncrement(); n < warmup; n = warm.getAndIncrement()) {
                            InternetAddress to = new InternetAddress("warm" + n + "@bench.example");
                            message.setRecipient(MimeMessage.RecipientType.TO, to);
                            message.setHeader("Message-ID", "<warm-" + n + "@bench.example>");
                            transport.sendMessage(message, new Address[] {to});
                        }
                        if (ready.await(300, java.util.concurrent.TimeUnit.SECONDS) == 0) {
                            cpuAtStart.set(processCpuNanos()); // the last thread to arrive
                        }
                        for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                            InternetAddress to = new InternetAddress("bare" + n + "@bench.example");
                            message.setRecipient(MimeMessage.RecipientType.TO, to);
                            message.setHeader("Message-ID", "<bare-" + n + "@bench.example>");
                            transport.sendMessage(message, new Address[] {to});
                            long now = System.nanoTime();
                            first.accumulateAndGet(now, Math::min);
                            last.accumulateAndGet(now, Math::max);
                            sent.incrementAndGet();
                        }
                    } finally {
                        transport.close();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "bare-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long cpu = processCpuNanos() - cpuAtStart.get();
        if (!failures.isEmpty()) {
            failures.get(0).printStackTrace();
            System.exit(1);
        }
        double span = (last.get() - first.get()) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "sent=%d first_to_last_s=%.3f rate=%.1f size=%d cpu_us_per_message=%.1f%n",
                sent.get(), span, span > 0 ? (sent.get() - 1) / span : 0.0, size.size(), cpu / 1e3 / Math.max(1, sent.get()));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Unconnected sockets with TCP_NODELAY: Angus Mail asks for one with createSocket() and connects it. */
    static final class NoDelay extends javax.net.SocketFactory {
        @Override
        public java.net.Socket createSocket() throws java.io.IOException {
            java.net.Socket socket = new java.net.Socket();
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public java.net.Socket createSocket(String host, int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port, java.net.InetAddress local, int localPort) {
            throw new UnsupportedOperationException();
        }
    }

    /** smtp-sink's dump starts with its own X-Client-Addr, X-Helo-Args... and Received lines and ends with an empty line. */
    private static byte[] stripSinkHeaders(byte[] dump) {
        String text = new String(dump, java.nio.charset.StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder();
        boolean inHeaders = true;
        boolean skipping = false;
        for (String line : text.split("\n", -1)) {
            if (inHeaders && skipping && (line.startsWith(" ") || line.startsWith("\t"))) {
                continue; // folded continuation of a header smtp-sink added
            }
            skipping = inHeaders && (line.startsWith("X-Client-") || line.startsWith("X-Helo-Args:")
                    || line.startsWith("X-Mail-Args:") || line.startsWith("X-Rcpt-Args:")
                    || (line.startsWith("Received: ") && line.contains("localhost")));
            if (skipping) {
                continue;
            }
            if (line.isEmpty()) {
                inHeaders = false;
            }
            out.append(line.endsWith("\r") ? line : line + "\r").append('\n');
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
