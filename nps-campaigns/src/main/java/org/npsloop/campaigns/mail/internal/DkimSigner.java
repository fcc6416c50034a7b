package org.npsloop.campaigns.mail.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * DKIM signature (RFC 6376: rsa-sha256, relaxed/relaxed) of a complete message, over the bytes Angus Mail sends
 * (headers and body as {@link MimeMessage#writeTo} writes them, with CRLF line ends), added as a DKIM-Signature
 * header. Hand-written rather than a library's: the libraries wrap the message in a MimeMessage of their own, which
 * loses the per-message envelope sender (VERP) of our SMTPMessage and parses each message again.
 */
public final class DkimSigner {

    /** Signed when present: what a reader sees and what a forwarder must not change. */
    public static final List<String> DEFAULT_HEADERS = List.of("From", "To", "Subject", "Date", "Message-ID",
            "MIME-Version", "Content-Type", "List-Unsubscribe", "List-Unsubscribe-Post");

    private final String domain;
    private final String selector;
    private final PrivateKey key;
    private final List<String> headers;

    /** @throws IllegalArgumentException naming what is wrong, so that a bad setting stops the start-up */
    public DkimSigner(String domain, String selector, PrivateKey key, List<String> headers) {
        if (domain == null || !domain.strip().matches("[A-Za-z0-9.-]+\\.[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("nps.mail.dkim.domain must be a domain name such as example.com: " + domain);
        }
        if (selector == null || !selector.strip().matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("nps.mail.dkim.selector must be a DNS label such as nps2026: " + selector);
        }
        if (!(key instanceof RSAPrivateKey rsa) || rsa.getModulus().bitLength() < 1024) {
            throw new IllegalArgumentException("The DKIM key must be an RSA private key of at least 1024 bits (2048 advised)");
        }
        if (headers.stream().noneMatch(h -> h.equalsIgnoreCase("From"))) {
            throw new IllegalArgumentException("nps.mail.dkim.headers must include From (RFC 6376, 5.4)");
        }
        this.domain = domain.strip().toLowerCase(Locale.ROOT);
        this.selector = selector.strip();
        this.key = key;
        this.headers = List.copyOf(headers);
    }

    /**
     * A PKCS#8 PEM key ({@code -----BEGIN PRIVATE KEY-----}). A PKCS#1 key ({@code BEGIN RSA PRIVATE KEY}) is refused
     * with the command that converts it.
     */
    public static PrivateKey privateKey(String pem) {
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalArgumentException("The DKIM key is PKCS#1 (BEGIN RSA PRIVATE KEY): convert it to PKCS#8 with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in dkim.key -out dkim.pkcs8.pem'");
        }
        if (pem.contains("ENCRYPTED")) {
            throw new IllegalArgumentException("The DKIM key is encrypted: give it unencrypted (PKCS#8, BEGIN PRIVATE KEY)");
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("The DKIM key is not a PKCS#8 PEM RSA private key (BEGIN PRIVATE KEY): "
                    + e.getMessage(), e);
        }
    }

    public String domain() {
        return domain;
    }

    public String selector() {
        return selector;
    }

    /** Adds the DKIM-Signature header to the complete message, which must not change afterwards. */
    public void sign(MimeMessage message) throws MessagingException {
        byte[] raw = crlf(bytesOf(message));
        int split = indexOf(raw, new byte[] {'\r', '\n', '\r', '\n'});
        String head = new String(raw, 0, split < 0 ? raw.length : split + 2, StandardCharsets.ISO_8859_1);
        byte[] body = split < 0 ? new byte[0] : java.util.Arrays.copyOfRange(raw, split + 4, raw.length);

        List<String> fields = fields(head);
        List<String> signed = new ArrayList<>();
        StringBuilder hashed = new StringBuilder();
        boolean[] used = new boolean[fields.size()];
        for (String name : headers) {
            // The last occurrence first (RFC 6376, 5.4.2); one entry in h= per occurrence signed.
            for (int i = fields.size() - 1; i >= 0; i--) {
                if (!used[i] && nameOf(fields.get(i)).equalsIgnoreCase(name)) {
                    used[i] = true;
                    signed.add(name);
                    hashed.append(relaxedHeader(fields.get(i))).append("\r\n");
                    break;
                }
            }
        }
        String value = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + selector + ";\r\n\tt="
                + System.currentTimeMillis() / 1000 + "; h=" + String.join(":", signed) + ";\r\n\tbh="
                + Base64.getEncoder().encodeToString(sha256(relaxedBody(body))) + ";\r\n\tb=";
        hashed.append(relaxedHeader("DKIM-Signature: " + value));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(hashed.toString().getBytes(StandardCharsets.ISO_8859_1));
            message.addHeader("DKIM-Signature", value + Base64.getEncoder().encodeToString(rsa.sign()));
        } catch (GeneralSecurityException e) {
            throw new MessagingException("DKIM signature failed: " + e.getMessage(), e);
        }
    }

    private static byte[] bytesOf(MimeMessage message) throws MessagingException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out, new String[] {"Bcc", "Content-Length"}); // what Angus Mail's SMTP transport writes
            return out.toByteArray();
        } catch (IOException e) {
            throw new MessagingException("Cannot write the message to sign it", e);
        }
    }

    /** Bare CR or LF become CRLF, as on the wire. */
    private static byte[] crlf(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 64);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '\r') {
                out.write('\r');
                out.write('\n');
                if (i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                }
            } else if (b == '\n') {
                out.write('\r');
                out.write('\n');
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The header fields, each with its folded continuation lines. */
    private static List<String> fields(String head) {
        List<String> fields = new ArrayList<>();
        for (String line : head.split("\r\n")) {
            if ((line.startsWith(" ") || line.startsWith("\t")) && !fields.isEmpty()) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + "\r\n" + line);
            } else if (!line.isEmpty()) {
                fields.add(line);
            }
        }
        return fields;
    }

    private static String nameOf(String field) {
        int colon = field.indexOf(':');
        return (colon < 0 ? field : field.substring(0, colon)).strip();
    }

    /** RFC 6376, 3.4.2: lower-case name, unfolded value, runs of white space as one space, none around the colon or at the end. */
    static String relaxedHeader(String field) {
        int colon = field.indexOf(':');
        String value = field.substring(colon + 1).replace("\r\n", "").replaceAll("[ \t]+", " ").strip();
        return nameOf(field).toLowerCase(Locale.ROOT) + ":" + value;
    }

    /** RFC 6376, 3.4.4: no white space at line ends, runs of it as one space, no empty lines at the end. */
    static byte[] relaxedBody(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\r\n", -1)) {
            out.append(line.replaceAll("[ \t]+", " ").replaceAll(" $", "")).append("\r\n");
        }
        int end = out.length();
        while (end >= 2 && out.charAt(end - 1) == '\n' && (end == 2 || out.charAt(end - 3) == '\n')) {
            end -= 2; // an empty line at the end
        }
        return out.substring(0, end).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
