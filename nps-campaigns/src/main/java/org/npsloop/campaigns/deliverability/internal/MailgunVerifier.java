package org.npsloop.campaigns.deliverability.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mailgun's webhook signature: HMAC-SHA256 with the webhook signing key of the timestamp followed by the token, in
 * hex. The signature does not cover the event itself, so a token is accepted once: a captured signature reused with
 * another event within the freshness window is not read at all here (this instance), and after a restart or on another
 * instance it is a replay by the (source, token) uniqueness of the stored reports. A reused token is answered as a
 * replay (200, nothing changed), so that Mailgun's own retries stop.
 */
final class MailgunVerifier {

    private final byte[] key;
    private final Duration tolerance;
    private final Clock clock;
    /** Tokens seen within the window, oldest first. */
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    MailgunVerifier(String signingKey, Duration tolerance, Clock clock) {
        this.key = signingKey.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** @return whether the token is new (false: a replay, whose body must not be read) */
    boolean verify(String timestamp, String token, String signature) {
        if (timestamp == null || token == null || signature == null) {
            throw EspRefusal.forbidden("esp.error.signature", "no Mailgun signature");
        }
        Timestamps.checkFresh(timestamp, tolerance, clock);
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            expected = mac.doFinal((timestamp + token).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.strip().toLowerCase());
        } catch (IllegalArgumentException e) {
            throw EspRefusal.forbidden("esp.error.signature", "signature is not hex");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw EspRefusal.forbidden("esp.error.signature", "Mailgun signature does not match");
        }
        return remember(token);
    }

    private synchronized boolean remember(String token) {
        Instant now = clock.instant();
        for (Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator(); it.hasNext();) {
            if (it.next().getValue().isBefore(now.minus(tolerance).minus(tolerance))) {
                it.remove();
            } else {
                break;
            }
        }
        return seen.putIfAbsent(token, now) == null;
    }
}
