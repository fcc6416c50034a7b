package org.npsloop.campaigns.webhook.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.npsloop.campaigns.webhook.internal.OutboundGuard.Destination;
import org.npsloop.domain.outbound.OutboundPolicy;

/**
 * One HTTP/1.1 POST to a destination the {@link OutboundGuard} checked, on a socket connected to one of
 * the checked addresses: no name is resolved here, so a DNS answer that changed since the check (DNS
 * rebinding) is never used. The JDK's HttpClient resolves the host itself when it connects, hence this
 * small client. For https the TLS handshake verifies the certificate against the host name (SNI and
 * endpoint identification as a browser does). Redirects are never followed: a 3xx is just a status. Only
 * the status line is read; the body of the answer is never read, so it can be neither stored nor logged.
 */
public final class PinnedHttpPost {

    /** Bounds the status line and the interim (1xx) answers read before it. */
    private static final int MAX_HEAD_BYTES = 16 * 1024;

    private final Duration timeout;
    private final SSLSocketFactory tls;

    public PinnedHttpPost(Duration timeout) {
        this(timeout, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    PinnedHttpPost(Duration timeout, SSLSocketFactory tls) {
        this.timeout = timeout;
        this.tls = tls;
    }

    /**
     * @return the answer's status code
     * @throws IOException when no address could be reached in time or no valid status line came back
     */
    public int post(Destination destination, Map<String, String> headers, byte[] body) throws IOException {
        // The whole exchange (every connect attempt, TLS, the status line) ends within twice the timeout.
        long deadline = System.nanoTime() + 2 * timeout.toNanos();
        try (Socket socket = connect(destination, deadline)) {
            Socket channel = destination.https() ? handshake(socket, destination, deadline) : socket;
            OutputStream out = channel.getOutputStream();
            out.write(head(destination, headers, body.length).getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return status(channel, deadline);
        }
    }

    /** The first checked address that accepts the connection; only connection failures move on to the next. */
    private Socket connect(Destination destination, long deadline) throws IOException {
        IOException failure = null;
        for (InetAddress address : destination.addresses()) {
            Socket socket = new Socket(Proxy.NO_PROXY);
            try {
                socket.connect(new InetSocketAddress(address, destination.port()), remainingMillis(deadline, timeout));
                return socket;
            } catch (ConnectException | NoRouteToHostException | SocketTimeoutException e) {
                socket.close();
                failure = failure == null ? e : failure;
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        }
        throw failure != null ? failure : new ConnectException("No address to connect to");
    }

    private Socket handshake(Socket socket, Destination destination, long deadline) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.createSocket(socket, destination.host(), destination.port(), true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        String name = destination.host().endsWith(".") ? destination.host().substring(0, destination.host().length() - 1)
                : destination.host();
        if (OutboundPolicy.literalOf(name).isEmpty()) {
            parameters.setServerNames(List.of(new SNIHostName(name))); // a name, not an IP address: SNI carries it
        }
        ssl.setSSLParameters(parameters);
        ssl.setSoTimeout(remainingMillis(deadline, timeout));
        ssl.startHandshake();
        return ssl;
    }

    private static String head(Destination destination, Map<String, String> headers, int length) {
        URI uri = destination.uri();
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String host = destination.host().contains(":") ? "[" + destination.host() + "]" : destination.host();
        boolean defaultPort = destination.port() == (destination.https() ? 443 : 80);
        StringBuilder head = new StringBuilder("POST ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(defaultPort ? "" : ":" + destination.port()).append("\r\n");
        headers.forEach((name, value) -> head.append(headerSafe(name)).append(": ").append(headerSafe(value)).append("\r\n"));
        return head.append("Content-Length: ").append(length).append("\r\nConnection: close\r\n\r\n").toString();
    }

    private static String headerSafe(String text) {
        if (text.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException("Header text must be printable ASCII");
        }
        return text;
    }

    /** The final status code, skipping interim 1xx answers; nothing after the status line is read. */
    private int status(Socket socket, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        int read = 0;
        while (true) {
            String statusLine = line(socket, in, deadline, MAX_HEAD_BYTES - read);
            read += statusLine.length() + 2;
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[1-5][0-9][0-9]")) {
                throw new IOException("Not an HTTP/1.x answer");
            }
            int status = Integer.parseInt(parts[1]);
            if (status >= 200 || status == 101) {
                return status;
            }
            for (String header = line(socket, in, deadline, MAX_HEAD_BYTES - read); !header.isEmpty();
                    header = line(socket, in, deadline, MAX_HEAD_BYTES - read)) {
                read += header.length() + 2;
            }
            read += 2;
        }
    }

    private String line(Socket socket, InputStream in, long deadline, int max) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            socket.setSoTimeout(remainingMillis(deadline, timeout));
            int b = in.read();
            if (b < 0) {
                throw new IOException("Connection closed before a complete answer");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= max) {
                throw new IOException("Answer head too long");
            }
            line.write(b);
        }
    }

    /** Milliseconds left before the deadline, at most {@code cap}; a timeout once it is past. */
    private static int remainingMillis(long deadline, Duration cap) throws SocketTimeoutException {
        long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (left <= 0) {
            throw new SocketTimeoutException("Timed out");
        }
        return (int) Math.max(1, Math.min(left, cap.toMillis()));
    }
}
