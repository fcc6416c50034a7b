package org.npsloop.campaigns.internal.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.npsloop.campaigns.internal.webhook.WebhookSender;
import org.npsloop.campaigns.internal.webhook.WebhookSender.Outcome;
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

    @Test
    void aFailureKeepsTheStatusCodeOnlyNeverTheBody() {
        answer = 500;
        Outcome outcome = send(sender("127.0.0.1", OutboundGuard.SYSTEM_RESOLVER, Duration.ofSeconds(5)),
                "http://127.0.0.1:" + port() + "/hook");
        assertEquals(500, outcome.status());
        assertEquals("HTTP 500", outcome.error());
    }

    @Test
    void redirectsAreNotFollowed() {
        answer = 302;
        Outcome outcome = send(sender("127.0.0.1", OutboundGuard.SYSTEM_RESOLVER, Duration.ofSeconds(5)),
                "http://127.0.0.1:" + port() + "/hook");
        assertEquals(302, outcome.status());
        assertFalse(outcome.delivered());
        assertEquals("HTTP 302", outcome.error());
        assertEquals(1, requests.size(), "the Location was not requested: " + requests);
    }

    @Test
    void plainHttpToAPublicAddressIsRefusedAtDelivery() {
        Outcome outcome = send(sender("", host -> List.of(InetAddress.getByName("93.184.215.14")), Duration.ofSeconds(1)),
                "http://crm.example.com/hook");
        assertTrue(outcome.error().startsWith("Refused address: crm.example.com is not allowed over plain http"), outcome.error());
    }
}
