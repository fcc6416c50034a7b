package org.npsloop.campaigns.internal.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/** One POST of one event to the endpoint, signed; redirects are not followed (a 3xx is a failure). */
public final class WebhookSender {

    /** How an attempt went: a 2xx status is a success; {@code status} is null when no answer came. */
    public record Outcome(Integer status, String error) {
        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private static final int ERROR_BODY_CHARS = 200;

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public WebhookSender(Duration timeout, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.clock = clock;
    }

    public Outcome send(String url, String secret, String eventId, String eventType, int attempt, String body) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "NPS-Loop-Webhook/1")
                    .header(WebhookSignature.EVENT_ID_HEADER, eventId)
                    .header(WebhookSignature.EVENT_TYPE_HEADER, eventType)
                    .header(WebhookSignature.ATTEMPT_HEADER, String.valueOf(attempt))
                    .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        } catch (IllegalArgumentException e) {
            return new Outcome(null, "Invalid URL: " + e.getMessage());
        }
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            String start;
            try (InputStream in = response.body()) {
                start = new String(in.readNBytes(ERROR_BODY_CHARS), StandardCharsets.UTF_8).strip();
            }
            if (status >= 200 && status < 300) {
                return new Outcome(status, null);
            }
            return new Outcome(status, "HTTP " + status + (start.isEmpty() ? "" : ": " + start));
        } catch (IOException e) {
            return new Outcome(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "Interrupted");
        }
    }
}
