package org.npsloop.domain.deliverability;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opaque reference of one sent invitation, carried by its return path ({@code bounces+<ref>@bounce-domain}, VERP)
 * and its Message-ID ({@code <ref>@sender-domain}), so that a bounce, a complaint or an ESP event finds its invitation
 * again. It is the invitation's token hash (SHA-256 of a 128-bit random token, already stored and indexed) written in
 * lower-case base32: 52 characters of {@code a-z2-7}, which survive relays that fold the local part's case, fit the
 * 64-character local part with a short prefix, and cannot be reused after a database reset (the token is random).
 * The hash reveals nothing that answers a survey: only the token itself does.
 */
public record MailReference(String value) {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    /** 256 bits in base32, no padding. */
    public static final int LENGTH = 52;
    private static final Pattern SHAPE = Pattern.compile("[a-z2-7]{" + LENGTH + "}");
    private static final Pattern IN_TEXT = Pattern.compile("(?<![A-Za-z2-7])([A-Za-z2-7]{" + LENGTH + "})(?![A-Za-z2-7])");

    public MailReference {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a mail reference: " + value);
        }
    }

    /** The reference of the invitation whose token hash (64 lower-case hex characters) is given. */
    public static MailReference ofTokenHash(String tokenHashHex) {
        byte[] bytes = HexFormat.of().parseHex(tokenHashHex);
        StringBuilder out = new StringBuilder(LENGTH);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return new MailReference(out.toString());
    }

    /** The token hash it stands for, to look the invitation up. */
    public String tokenHash() {
        byte[] bytes = new byte[32];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (int i = 0; i < value.length() && index < bytes.length; i++) {
            buffer = (buffer << 5) | ALPHABET.indexOf(value.charAt(i));
            bits += 5;
            if (bits >= 8) {
                bytes[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * The return path of the message: {@code bounceAddress}'s local part, "+", the reference, "@" its domain
     * ({@code bounces@bounce.example.com} → {@code bounces+<ref>@bounce.example.com}).
     */
    public String returnPath(String bounceAddress) {
        int at = bounceAddress.lastIndexOf('@');
        if (at <= 0 || at == bounceAddress.length() - 1) {
            throw new IllegalArgumentException("Not a bounce address: " + bounceAddress);
        }
        return bounceAddress.substring(0, at) + "+" + value + bounceAddress.substring(at);
    }

    /** The Message-ID of the message, without angle brackets: the reference "@" the sender's domain. */
    public String messageId(String senderDomain) {
        return value + "@" + senderDomain;
    }

    /**
     * The reference in an address built by {@link #returnPath} (the original recipient of a bounce, the
     * {@code X-Original-To} or {@code Delivered-To} of the bounce mailbox), in any case.
     */
    public static Optional<MailReference> inAddress(String address) {
        if (address == null) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("\\+([A-Za-z2-7]{" + LENGTH + "})@").matcher(address);
        return m.find() ? Optional.of(new MailReference(m.group(1).toLowerCase(Locale.ROOT))) : Optional.empty();
    }

    /** The reference of a Message-ID built by {@link #messageId} (with or without angle brackets). */
    public static Optional<MailReference> inMessageId(String messageId) {
        if (messageId == null) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("^\\s*<?([A-Za-z2-7]{" + LENGTH + "})@").matcher(messageId);
        return m.find() ? Optional.of(new MailReference(m.group(1).toLowerCase(Locale.ROOT))) : Optional.empty();
    }

    /** The first reference found anywhere in a text (an ESP's custom argument, a quoted header). */
    public static Optional<MailReference> inText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = IN_TEXT.matcher(text);
        while (m.find()) {
            String candidate = m.group(1).toLowerCase(Locale.ROOT);
            // 52 letters could be an ordinary word run; a reference has digits 2-7 almost surely (1 - (26/32)^52).
            if (candidate.chars().anyMatch(Character::isDigit)) {
                return Optional.of(new MailReference(candidate));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
