package org.npsloop.domain.publication;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.npsloop.domain.access.Secrets;

/**
 * The public address of a publication: a readable part from the title and 128 random bits, URL-safe
 * ({@code nps-autumn-2026-Qx3...}). The random part makes drafts and revoked pages unguessable, so the
 * only way to a publication is the index or a link its publisher shared.
 */
public final class PublicSlug {

    /** 16 bytes = 128 bits = 22 URL-safe base64 characters. */
    static final int RANDOM_BYTES = 16;
    static final int RANDOM_CHARS = 22;
    static final int READABLE_MAX = 40;

    private static final Pattern WELL_FORMED = Pattern.compile("(?:[a-z0-9]+(?:-[a-z0-9]+)*-)?[A-Za-z0-9_-]{22}");

    private PublicSlug() {
    }

    public static String generate(String title) {
        String readable = readable(title);
        return (readable.isEmpty() ? "" : readable + "-") + Secrets.random(RANDOM_BYTES);
    }

    /** Lower-case ASCII words of the title joined by dashes, accents dropped, at most 40 characters. */
    static String readable(String title) {
        if (title == null) {
            return "";
        }
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        String words = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (words.length() > READABLE_MAX) {
            words = words.substring(0, READABLE_MAX).replaceAll("-+[a-z0-9]*$", "");
        }
        return words;
    }

    /** Whether a presented address can be a slug at all (checked before any database look-up). */
    public static boolean isWellFormed(String slug) {
        return slug != null && slug.length() >= RANDOM_CHARS && slug.length() <= READABLE_MAX + 1 + RANDOM_CHARS
                && WELL_FORMED.matcher(slug).matches();
    }
}
