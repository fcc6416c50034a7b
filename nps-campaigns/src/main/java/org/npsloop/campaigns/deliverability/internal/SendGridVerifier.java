package org.npsloop.campaigns.deliverability.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * SendGrid's signed event webhook: an ECDSA P-256 signature (base64 DER) of the timestamp header followed by the raw
 * body, checked with the public key copied from SendGrid's settings (base64 of its SubjectPublicKeyInfo). An old
 * timestamp is refused, so that a captured request cannot be replayed later.
 */
final class SendGridVerifier {

    static final String SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature";
    static final String TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp";

    private final PublicKey key;
    private final Duration tolerance;
    private final Clock clock;

    SendGridVerifier(PublicKey key, Duration tolerance, Clock clock) {
        this.key = key;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** The key as SendGrid shows it (base64, with or without PEM armour). */
    static PublicKey publicKey(String base64) {
        String bare = base64.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(bare)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("nps.esp.sendgrid.public-key is not a base64 EC public key", e);
        }
    }

    void verify(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null) {
            throw EspRefusal.forbidden("esp.error.signature", "no SendGrid signature headers");
        }
        Timestamps.checkFresh(timestamp, tolerance, clock);
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initVerify(key);
            ecdsa.update(timestamp.getBytes(StandardCharsets.UTF_8));
            ecdsa.update(body);
            if (!ecdsa.verify(Base64.getDecoder().decode(signature.strip()))) {
                throw EspRefusal.forbidden("esp.error.signature", "SendGrid signature does not match");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw EspRefusal.forbidden("esp.error.signature", e.getMessage());
        }
    }
}
