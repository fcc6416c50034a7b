package org.npsloop.web.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small SMTP server for the tests, on plain sockets: enough ESMTP for Angus Mail (EHLO/HELO, MAIL,
 * RCPT, DATA, RSET, NOOP, QUIT), no TLS, no authentication, nothing stored but counts. A {@link Policy}
 * answers each RCPT (250, 4xx or 5xx), so a test can refuse an address once or for good; 421 and 454 are
 * throttling replies in Gmail's and Amazon SES's words, and after a 421 the server closes the connection. A message
 * counts as delivered, per recipient, per Message-ID and per listening port, only when its DATA has been
 * read to the final "." and is about to be answered 250: what a real server has accepted at that point.
 * It can listen on several ports at once, so that a test can tell apart the app instances sending to it.
 */
final class FakeSmtpServer implements AutoCloseable {

    /** The reply to {@code RCPT TO:<recipient>} for its {@code attempt}-th RCPT (1 for the first). */
    @FunctionalInterface
    interface Policy {
        int reply(String recipient, int attempt);

        Policy ACCEPT_ALL = (recipient, attempt) -> 250;
    }

    /**
     * The test ports are taken in this range only (other builds on this machine use the others); builds running side
     * by side may each be given their own with {@code -Dit.fake-smtp.ports=2530-2539}.
     */
    static final int FIRST_PORT = Integer.parseInt(System.getProperty("it.fake-smtp.ports", "3110-3199").split("-")[0].strip());
    static final int LAST_PORT = Integer.parseInt(System.getProperty("it.fake-smtp.ports", "3110-3199").split("-")[1].strip());

    private final Policy policy;
    private final List<ServerSocket> listeners = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-smtp");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, AtomicInteger> deliveredTo = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> messageIds = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> rcptAttempts = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> deliveredOnPort = new ConcurrentHashMap<>();
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicLong connections = new AtomicLong();
    private volatile boolean closed;

    private FakeSmtpServer(Policy policy) {
        this.policy = policy;
    }

    /** Listens on {@code ports} free ports of {@link #FIRST_PORT}..{@link #LAST_PORT} on the loopback address. */
    static FakeSmtpServer start(Policy policy, int ports) {
        FakeSmtpServer server = new FakeSmtpServer(policy);
        int next = FIRST_PORT;
        while (server.listeners.size() < ports) {
            if (next > LAST_PORT) {
                server.close();
                throw new IllegalStateException("No free SMTP port in " + FIRST_PORT + "-" + LAST_PORT);
            }
            try {
                ServerSocket listener = new ServerSocket();
                listener.setReuseAddress(true);
                listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), next), 100);
                server.listeners.add(listener);
                server.threads.execute(() -> server.accept(listener));
            } catch (IOException taken) {
                // someone else's: try the next one
            }
            next++;
        }
        return server;
    }

    static FakeSmtpServer start(Policy policy) {
        return start(policy, 1);
    }

    int port() {
        return port(0);
    }

    int port(int index) {
        return listeners.get(index).getLocalPort();
    }

    /** Messages accepted, all recipients and ports together. */
    int delivered() {
        return delivered.get();
    }

    /** Messages accepted for this recipient (lower case). */
    int deliveredTo(String recipient) {
        AtomicInteger n = deliveredTo.get(recipient.toLowerCase());
        return n == null ? 0 : n.get();
    }

    /** Recipient → messages accepted for it. */
    Map<String, Integer> deliveriesByRecipient() {
        Map<String, Integer> copy = new java.util.HashMap<>();
        deliveredTo.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Messages accepted on the given listening port. */
    int deliveredOnPort(int port) {
        AtomicInteger n = deliveredOnPort.get(port);
        return n == null ? 0 : n.get();
    }

    /** Distinct Message-IDs accepted, and how many of them came more than once. */
    int distinctMessageIds() {
        return messageIds.size();
    }

    int repeatedMessageIds() {
        return (int) messageIds.values().stream().filter(n -> n.get() > 1).count();
    }

    /** When each RCPT for this recipient arrived (epoch milliseconds), accepted or not. */
    List<Long> rcptTimes(String recipient) {
        List<Long> times = rcptAttempts.get(recipient.toLowerCase());
        if (times == null) {
            return List.of();
        }
        synchronized (times) {
            return List.copyOf(times);
        }
    }

    long connections() {
        return connections.get();
    }

    @Override
    public void close() {
        closed = true;
        for (ServerSocket listener : listeners) {
            try {
                listener.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }

    private void accept(ServerSocket listener) {
        while (!closed) {
            try {
                Socket client = listener.accept();
                connections.incrementAndGet();
                threads.execute(() -> converse(client, listener.getLocalPort()));
            } catch (IOException e) {
                if (!closed) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** One SMTP session; a client that vanishes (a killed app) simply ends it, its unfinished message uncounted. */
    private void converse(Socket socket, int port) {
        try (socket;
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1), 65536);
                OutputStream out = socket.getOutputStream()) {
            socket.setSoTimeout(120_000);
            reply(out, "220 fake.smtp ESMTP ready");
            List<String> recipients = new ArrayList<>();
            boolean mailFrom = false;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase();
                switch (verb) {
                    case "EHLO" -> reply(out, "250-fake.smtp\r\n250-8BITMIME\r\n250 SIZE 52428800");
                    case "HELO" -> reply(out, "250 fake.smtp");
                    case "MAIL" -> {
                        mailFrom = true;
                        recipients.clear();
                        reply(out, "250 2.1.0 OK");
                    }
                    case "RCPT" -> {
                        if (!mailFrom) {
                            reply(out, "503 5.5.1 MAIL first");
                            continue;
                        }
                        String recipient = address(line);
                        List<Long> times = rcptAttempts.computeIfAbsent(recipient, k -> Collections.synchronizedList(new ArrayList<>()));
                        int attempt;
                        synchronized (times) {
                            times.add(System.currentTimeMillis());
                            attempt = times.size();
                        }
                        int code = policy.reply(recipient, attempt);
                        if (code == 250) {
                            recipients.add(recipient);
                            reply(out, "250 2.1.5 OK");
                        } else if (code == 421) { // Gmail's way, and the server hangs up
                            reply(out, "421 4.7.0 Our system has detected an unusual rate of unsolicited mail, closing");
                            return;
                        } else if (code == 454) { // Amazon SES
                            reply(out, "454 Throttling failure: Maximum sending rate exceeded.");
                        } else if (code >= 400 && code < 500) {
                            reply(out, code + " 4.7.1 <" + recipient + ">: try again later");
                        } else {
                            reply(out, code + " 5.1.1 <" + recipient + ">: no such mailbox");
                        }
                    }
                    case "DATA" -> {
                        if (recipients.isEmpty()) {
                            reply(out, "503 5.5.1 no valid recipients");
                            continue;
                        }
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        String messageId = readMessage(in);
                        if (messageId == null) {
                            return; // the connection dropped inside DATA: nothing was accepted
                        }
                        for (String recipient : recipients) {
                            deliveredTo.computeIfAbsent(recipient, k -> new AtomicInteger()).incrementAndGet();
                            delivered.incrementAndGet();
                            deliveredOnPort.computeIfAbsent(port, k -> new AtomicInteger()).incrementAndGet();
                        }
                        messageIds.computeIfAbsent(messageId, k -> new AtomicInteger()).incrementAndGet();
                        recipients.clear();
                        mailFrom = false;
                        reply(out, "250 2.0.0 queued");
                    }
                    case "RSET" -> {
                        recipients.clear();
                        mailFrom = false;
                        reply(out, "250 2.0.0 OK");
                    }
                    case "NOOP" -> reply(out, "250 2.0.0 OK");
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 not implemented");
                }
            }
        } catch (IOException dropped) {
            // the client went away (or the server is closing): the session ends here
        }
    }

    /** Reads DATA up to the lone "."; returns the Message-ID ("" when none), or null when the connection ended first. */
    private static String readMessage(BufferedReader in) throws IOException {
        String messageId = "";
        boolean headers = true;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals(".")) {
                return messageId;
            }
            if (headers) {
                if (line.isEmpty()) {
                    headers = false;
                } else if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                    messageId = line.substring(11).strip();
                }
            }
        }
        return null;
    }

    private static String address(String rcpt) {
        int open = rcpt.indexOf('<');
        int close = rcpt.indexOf('>', open + 1);
        String address = open >= 0 && close > open ? rcpt.substring(open + 1, close) : rcpt.substring(rcpt.indexOf(':') + 1);
        return address.strip().toLowerCase();
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
