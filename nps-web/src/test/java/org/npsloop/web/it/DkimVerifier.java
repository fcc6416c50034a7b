package org.npsloop.web.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent DKIM verifier (RFC 6376, relaxed/relaxed, rsa-sha256), as a receiving server runs it: written apart
 * from the application's signer, so that both agreeing means something.
 */
final class DkimVerifier {

    /** The key the shared test application signs with (nps-web/pom.xml: NPS_MAIL_DKIM_*), a test key of no value. */
    static final Path TEST_KEY = Path.of("src/test/resources/dkim/it-private.pem");

    private DkimVerifier() {
    }

    /** The public half of a PKCS#8 PEM RSA private key, as it would be published in DNS. */
    static PublicKey publicKeyOf(Path privateKeyPem) throws Exception {
        String base64 = Files.readString(privateKeyPem).replaceAll("-----(BEGIN|END) PRIVATE KEY-----|\\s", "");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        return rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    }

    /** The message as it travels (ISO-8859-1, so one char per byte). */
    static String wire(MimeMessage message) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static final Pattern FIELD = Pattern.compile("(?s)([^\\r\\n:]+):(.*?)\\r\\n(?![ \\t])");

    /** "pass", "body hash mismatch" or "bad signature". */
    static String verify(String message, PublicKey key) throws Exception {
        int split = message.indexOf("\r\n\r\n");
        String head = message.substring(0, split + 2);
        String body = message.substring(split + 4);
        List<String[]> fields = new ArrayList<>();
        Matcher m = FIELD.matcher(head);
        while (m.find()) {
            fields.add(new String[] {m.group(1), m.group(2)});
        }
        String[] signature = fields.stream().filter(f -> f[0].equalsIgnoreCase("DKIM-Signature")).findFirst().orElseThrow();
        Map<String, String> tags = parse(signature[1]);

        String canonicalBody = body.replaceAll("[ \\t]+\\r\\n", "\r\n").replaceAll("[ \\t]+", " ")
                .replaceAll("(\\r\\n)+$", "");
        if (!canonicalBody.isEmpty()) {
            canonicalBody += "\r\n";
        }
        String bh = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(canonicalBody.getBytes(StandardCharsets.ISO_8859_1)));
        if (!bh.equals(tags.get("bh"))) {
            return "body hash mismatch";
        }
        StringBuilder signed = new StringBuilder();
        List<String[]> unused = new ArrayList<>(fields);
        for (String name : tags.get("h").split(":")) {
            for (int i = unused.size() - 1; i >= 0; i--) {
                if (unused.get(i)[0].strip().equalsIgnoreCase(name.strip())) {
                    signed.append(relaxed(unused.remove(i))).append("\r\n");
                    break;
                }
            }
        }
        signed.append(relaxed(new String[] {signature[0], signature[1].replaceAll("(^|;)(\\s*b\\s*=)[^;]*", "$1$2")}));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update(signed.toString().getBytes(StandardCharsets.ISO_8859_1));
        return rsa.verify(Base64.getDecoder().decode(tags.get("b"))) ? "pass" : "bad signature";
    }

    static Map<String, String> tags(String message) {
        Matcher m = Pattern.compile("(?s)DKIM-Signature:(.*?)\\r\\n(?![ \\t])").matcher(message);
        assertTrue(m.find(), "signed");
        return parse(m.group(1));
    }

    private static Map<String, String> parse(String value) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String tag : value.split(";")) {
            int eq = tag.indexOf('=');
            if (eq > 0) {
                tags.put(tag.substring(0, eq).strip(), tag.substring(eq + 1).replaceAll("[\\s]+", ""));
            }
        }
        return tags;
    }

    private static String relaxed(String[] field) {
        return field[0].strip().toLowerCase() + ":" + field[1].replaceAll("\\r\\n", "").replaceAll("[ \\t]+", " ").strip();
    }
}
