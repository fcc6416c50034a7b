package org.npsloop.campaigns.webhook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.npsloop.campaigns.webhook.internal.WebhookSender.Outcome;
import org.npsloop.domain.outbound.OutboundPolicy;

/**
 * Deliveries through the guard and the pinned client, against a receiver on 127.0.0.1: the connection
 * goes to the address that was checked, whatever the name resolves to afterwards; refused addresses are
 * never connected to; redirects are not followed; a failure is its status code, never the answer's body.
 */
class PinnedHttpPostTest {

    private HttpServer receiver;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int answer = 200;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        receiver.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " Host=" + exchange.getRequestHeaders().getFirst("Host")
                    + " " + body);
            if (answer == 302) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/redirected");
            }
            byte[] text = "internal error: password=hunter2 AKIAIOSFODNN7EXAMPLE".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer, text.length);
            exchange.getResponseBody().write(text);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private int port() {
        return receiver.getAddress().getPort();
    }

    private static WebhookSender sender(String allowed, OutboundGuard.Resolver resolver, Duration timeout) {
        return new WebhookSender(new OutboundGuard(OutboundPolicy.allowing(allowed), resolver), new PinnedHttpPost(timeout),
                Clock.systemUTC());
    }

    private Outcome send(WebhookSender sender, String url) {
        return sender.send(url, "whsec_test", "evt-1", "response.created", 1, "{\"n\":1}");
    }

    /** A name answering 127.0.0.1 at check time, then 127.0.0.2 where nothing listens: the checked answer is used. */
    @Test
    void theConnectionGoesToTheCheckedAddressWithTheNameAsHost() {
        AtomicInteger lookups = new AtomicInteger();
        WebhookSender sender = sender("127.0.0.0/8", host -> List.of(InetAddress.getByName(lookups.getAndIncrement() == 0
                ? "127.0.0.1" : "127.0.0.2")), Duration.ofSeconds(5));
        Outcome outcome = send(sender, "http://hooks.test:" + port() + "/hook?x=1");
        assertTrue(outcome.delivered(), String.valueOf(outcome));
        assertEquals(1, lookups.get(), "resolved once, for the check");
        assertEquals(List.of("POST /hook?x=1 Host=hooks.test:" + port() + " {\"n\":1}"), requests);
    }

    /** DNS rebinding: a public answer when checked, 127.0.0.1 afterwards: 127.0.0.1 is never reached. */
    @Test
    void aNameRebindingToLoopbackAfterTheCheckNeverReachesIt() throws IOException {
        AtomicInteger lookups = new AtomicInteger();
        OutboundGuard.Resolver rebinding = host -> List.of(InetAddress.getByName(lookups.getAndIncrement() == 0
                ? "192.0.2.10" : "127.0.0.1")); // TEST-NET-1: public form, reaches nobody
        WebhookSender sender = new WebhookSender(new OutboundGuard(OutboundPolicy.publicOnly(), rebinding),
                new PinnedHttpPost(Duration.ofMillis(500)), Clock.systemUTC());
        Outcome outcome = send(sender, "https://rebind.attacker.example:" + port() + "/hook");
        assertFalse(outcome.delivered());
        assertNull(outcome.status(), "no answer from anyone: " + outcome);
        assertEquals(1, lookups.get(), "resolved once: the connection used the checked answer");
        assertEquals(List.of(), requests, "nothing reached 127.0.0.1");

        // The next attempt checks again and now sees the loopback answer: refused before any connection.
        Outcome next = send(sender, "https://rebind.attacker.example:" + port() + "/hook");
        assertEquals("Refused address: rebind.attacker.example (127.0.0.1) is a loopback address (this machine)", next.error());
        assertEquals(List.of(), requests);
    }

    @Test
    void aRefusedAddressIsNeverConnectedTo() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            listener.setSoTimeout(300);
            WebhookSender sender = sender("", OutboundGuard.SYSTEM_RESOLVER, Duration.ofSeconds(2));
            for (String url : new String[] {"http://127.0.0.1:", "https://localhost:", "https://[::ffff:127.0.0.1]:", "http://2130706433:"}) {
                Outcome outcome = send(sender, url + listener.getLocalPort() + "/");
                assertNull(outcome.status(), url);
                assertTrue(outcome.error().startsWith("Refused address: "), outcome.error());
                try (Socket accepted = listener.accept()) {
                    throw new AssertionError("connected to " + url + " from " + accepted);
                } catch (java.net.SocketTimeoutException expected) {
                    // nobody came
                }
            }
        }
    }

    /** A refusal keeps its status code only, never the answer's body; a redirect is not followed. */
    @ParameterizedTest
    @ValueSource(ints = {500, 302})
    void aFailureIsItsStatusCodeAndARedirectIsNotFollowed(int status) {
        answer = status;
        Outcome outcome = send(sender("127.0.0.1", OutboundGuard.SYSTEM_RESOLVER, Duration.ofSeconds(5)),
                "http://127.0.0.1:" + port() + "/hook");
        assertEquals(status, outcome.status());
        assertFalse(outcome.delivered());
        assertEquals("HTTP " + status, outcome.error());
        assertEquals(1, requests.size(), "one request, no Location followed: " + requests);
    }

    /** https to a pinned address: the certificate is still checked against the name in the address. */
    @Test
    void httpsVerifiesTheCertificateAgainstTheHostName() throws Exception {
        char[] password = "changeit".toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = getClass().getResourceAsStream("/outbound/hooks-test.p12")) {
            keys.load(in, password); // a self-signed certificate for hooks.test only
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, password);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keyManagers.getKeyManagers(), null, null);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, trust.getTrustManagers(), null);

        HttpsServer tls = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        tls.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        tls.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI() + " Host=" + exchange.getRequestHeaders().getFirst("Host"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        tls.start();
        try {
            OutboundGuard guard = new OutboundGuard(OutboundPolicy.allowing("127.0.0.0/8"),
                    host -> List.of(InetAddress.getByName("127.0.0.1")));
            PinnedHttpPost http = new PinnedHttpPost(Duration.ofSeconds(5), clientTls.getSocketFactory());
            int port = tls.getAddress().getPort();
            assertEquals(204, http.post(guard.check(URI.create("https://hooks.test:" + port + "/hook")), Map.of(), new byte[0]));
            assertEquals(List.of("/hook Host=hooks.test:" + port), requests);
            // The same server under a name its certificate does not carry: the handshake fails, nothing is sent.
            assertThrows(SSLHandshakeException.class,
                    () -> http.post(guard.check(URI.create("https://other.test:" + port + "/hook")), Map.of(), new byte[0]));
            assertEquals(1, requests.size());
        } finally {
            tls.stop(0);
        }
    }

    @Test
    void plainHttpToAPublicAddressIsRefusedAtDelivery() {
        Outcome outcome = send(sender("", host -> List.of(InetAddress.getByName("93.184.215.14")), Duration.ofSeconds(1)),
                "http://crm.example.com/hook");
        assertTrue(outcome.error().startsWith("Refused address: crm.example.com is not allowed over plain http"), outcome.error());
    }
}
