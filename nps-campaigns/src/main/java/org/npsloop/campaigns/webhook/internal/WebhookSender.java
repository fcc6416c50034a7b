package org.npsloop.campaigns.webhook.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.npsloop.campaigns.webhook.internal.OutboundGuard.Destination;
import org.npsloop.domain.outbound.OutboundRefusedException;

/**
 * One POST of one event to the endpoint, signed. The address is checked again at every attempt (a host's
 * DNS answer can change after it was saved) and the connection goes to the addresses just checked.
 * Redirects are not followed (a 3xx is a failure). A failure is described by its status code only: the
 * receiver's answer body is never read, stored nor logged (it may hold anything, secrets included).
 */
public final class WebhookSender {

    /** How an attempt went: a 2xx status is a success; {@code status} is null when no answer came. */
    public record Outcome(Integer status, String error) {
        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final OutboundGuard guard;
    private final PinnedHttpPost http;
    private final Clock clock;

    public WebhookSender(OutboundGuard guard, PinnedHttpPost http, Clock clock) {
        this.guard = guard;
        this.http = http;
        this.clock = clock;
    }

    public Outcome send(String url, String secret, String eventId, String eventType, int attempt, String body) {
        long timestamp = clock.instant().getEpochSecond();
        Destination destination;
        try {
            destination = guard.check(new URI(url));
        } catch (OutboundRefusedException e) {
            return new Outcome(null, "Refused address: " + e.subject() + " " + e.reason().english());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return new Outcome(null, "Invalid address: " + e.getMessage());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("User-Agent", "NPS-Loop-Webhook/1");
        headers.put(WebhookSignature.EVENT_ID_HEADER, eventId);
        headers.put(WebhookSignature.EVENT_TYPE_HEADER, eventType);
        headers.put(WebhookSignature.ATTEMPT_HEADER, String.valueOf(attempt));
        headers.put(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(timestamp));
        headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body));
        try {
            int status = http.post(destination, headers, body.getBytes(StandardCharsets.UTF_8));
            return status >= 200 && status < 300 ? new Outcome(status, null) : new Outcome(status, failure(status));
        } catch (IOException e) {
            return new Outcome(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** What the delivery log keeps of a refused delivery: the status code, never the receiver's answer. */
    static String failure(int status) {
        return "HTTP " + status;
    }

    /**
     * A stored error as shown: earlier versions stored "HTTP 500: " and the start of the receiver's answer;
     * rows written then show their status code only.
     */
    static String shown(String storedError) {
        return storedError != null && storedError.matches("(?s)HTTP [0-9]{3}: .*") ? storedError.substring(0, 8) : storedError;
    }
}
