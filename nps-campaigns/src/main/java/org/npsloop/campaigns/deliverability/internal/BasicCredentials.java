package org.npsloop.campaigns.deliverability.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.npsloop.campaigns.deliverability.EspWebhooks.Status;

/** HTTP basic authentication of Postmark's webhook: the user and password entered in its webhook URL. */
final class BasicCredentials {

    private final byte[] expected;

    BasicCredentials(String user, String password) {
        this.expected = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
    }

    /** Compares in constant time, so that the answer's timing tells nothing about the password. */
    void check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new EspRefusal(Status.UNAUTHENTICATED, "esp.error.credentials", "no basic credentials");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorization.substring(6).strip());
        } catch (IllegalArgumentException e) {
            throw new EspRefusal(Status.UNAUTHENTICATED, "esp.error.credentials", "not base64");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new EspRefusal(Status.UNAUTHENTICATED, "esp.error.credentials", "wrong user or password");
        }
    }
}
