package org.npsloop.campaigns.webhook.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.npsloop.domain.access.Secrets;

/**
 * How a delivery is signed: {@code X-NPS-Signature: sha256=<hex>} where hex is the lower-case
 * HMAC-SHA256, keyed by the endpoint's secret (its UTF-8 bytes, prefix included), of
 * {@code "<X-NPS-Timestamp>.<body>"}. The timestamp (Unix seconds) is inside the signed text, so
 * a receiver can refuse old replays.
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "X-NPS-Timestamp";
    public static final String SIGNATURE_HEADER = "X-NPS-Signature";
    public static final String EVENT_ID_HEADER = "X-NPS-Event-Id";
    public static final String EVENT_TYPE_HEADER = "X-NPS-Event";
    public static final String ATTEMPT_HEADER = "X-NPS-Delivery-Attempt";
    static final String SECRET_PREFIX = "whsec_";

    private WebhookSignature() {
    }

    /** A new secret: 256 random bits, URL-safe. */
    public static String newSecret() {
        return SECRET_PREFIX + Secrets.random(32);
    }

    /** The value of the signature header: {@code sha256=} and the hex HMAC of "timestamp.body". */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    /** What a receiver does: recompute and compare in constant time. */
    public static boolean verify(String secret, String timestampHeader, String body, String signatureHeader) {
        if (secret == null || timestampHeader == null || body == null || signatureHeader == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
                signatureHeader.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
