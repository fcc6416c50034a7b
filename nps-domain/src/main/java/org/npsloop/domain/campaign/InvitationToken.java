package org.npsloop.domain.campaign;

import org.npsloop.domain.access.Secrets;

/**
 * The secret in a respondent's links: 128 random bits, URL-safe. Only its hash is stored, so a
 * database leak gives no working link.
 */
public record InvitationToken(String secret, String hash) {

    /** 16 bytes = 128 bits, 22 URL-safe characters. */
    private static final int BYTES = 16;

    public static InvitationToken generate() {
        String secret = Secrets.random(BYTES);
        return new InvitationToken(secret, Secrets.sha256(secret));
    }

    /** The hash to look a presented token up by; null for anything that cannot be a token. */
    public static String hashOf(String presented) {
        if (presented == null || presented.length() < 20 || presented.length() > 64
                || !presented.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
            return null;
        }
        return Secrets.sha256(presented);
    }
}
