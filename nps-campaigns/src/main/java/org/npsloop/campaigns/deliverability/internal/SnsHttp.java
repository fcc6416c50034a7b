package org.npsloop.campaigns.deliverability.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.npsloop.domain.outbound.OutboundPolicy;

/**
 * The two requests SNS makes the server send: fetching its signing certificate and confirming a subscription. Both
 * go only to URLs {@link SnsVerifier#checked} accepted, and through the product's outbound policy (no private
 * address unless {@code nps.outbound.allowed} says so); redirects are not followed and answers are bounded.
 */
final class SnsHttp {

    private static final int MAX_BYTES = 64 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final OutboundPolicy policy;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    SnsHttp(OutboundPolicy policy) {
        this.policy = policy;
    }

    X509Certificate certificate(URI uri) throws Exception {
        byte[] pem = get(uri);
        try (InputStream in = new ByteArrayInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** GETs the SubscribeURL; AWS answers 200 once the subscription is confirmed. */
    void confirm(URI subscribeUrl) throws IOException, InterruptedException {
        get(subscribeUrl);
    }

    private byte[] get(URI uri) throws IOException, InterruptedException {
        String host = uri.getHost();
        policy.check(host, OutboundPolicy.literalOf(host).map(List::of)
                .orElseGet(() -> resolve(host)));
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " from " + host);
            }
            if (bytes.length > MAX_BYTES) {
                throw new IOException("answer of " + host + " over " + MAX_BYTES + " bytes");
            }
            return bytes;
        }
    }

    private static List<InetAddress> resolve(String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (java.net.UnknownHostException e) {
            return List.of();
        }
    }
}
