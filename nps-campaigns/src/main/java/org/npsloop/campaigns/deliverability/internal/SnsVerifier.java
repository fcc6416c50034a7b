package org.npsloop.campaigns.deliverability.internal;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks an Amazon SNS message as AWS documents it: the signing certificate comes only from a URL matching
 * {@code urlPattern} (in production {@code https://sns.<region>.amazonaws.com/...}: anyone can host a certificate,
 * only AWS can serve one there), the signature (version 1 SHA1withRSA, version 2 SHA256withRSA) covers the message's
 * documented fields in their order, and the topic must be one of ours. Certificates are cached by URL.
 */
final class SnsVerifier {

    /** Default: https, the regional SNS host (China regions end in .amazonaws.com.cn), any path. */
    static final String DEFAULT_URL_PATTERN = "https://sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?(:443)?/.*";

    private static final List<String> NOTIFICATION_FIELDS = List.of("Message", "MessageId", "Subject", "Timestamp",
            "TopicArn", "Type");
    private static final List<String> SUBSCRIPTION_FIELDS = List.of("Message", "MessageId", "SubscribeURL", "Timestamp",
            "Token", "TopicArn", "Type");
    private static final int MAX_CACHED = 32;

    /** Fetches the PEM certificate at a URL already checked. */
    @FunctionalInterface
    interface CertificateSource {
        X509Certificate fetch(URI uri) throws Exception;
    }

    private final Pattern urlPattern;
    private final Set<String> topicArns;
    private final CertificateSource source;
    private final Clock clock;
    private final Map<String, X509Certificate> certificates = new ConcurrentHashMap<>();

    SnsVerifier(Pattern urlPattern, Set<String> topicArns, CertificateSource source, Clock clock) {
        this.urlPattern = urlPattern;
        this.topicArns = Set.copyOf(topicArns);
        this.source = source;
        this.clock = clock;
    }

    /** The message, once its topic, certificate and signature are checked. */
    JsonObject verify(byte[] body) {
        JsonObject message = parse(body);
        String type = text(message, "Type");
        String topic = text(message, "TopicArn");
        if (type == null || topic == null || text(message, "Signature") == null) {
            throw EspRefusal.malformed("not an SNS message");
        }
        if (!topicArns.contains(topic)) {
            throw EspRefusal.forbidden("esp.error.topic", topic);
        }
        String algorithm = switch (String.valueOf(text(message, "SignatureVersion"))) {
            case "1" -> "SHA1withRSA";
            case "2" -> "SHA256withRSA";
            default -> throw EspRefusal.forbidden("esp.error.signature", "signature version " + text(message, "SignatureVersion"));
        };
        X509Certificate certificate = certificate(text(message, "SigningCertURL"));
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initVerify(certificate.getPublicKey());
            signature.update(canonical(message).getBytes(StandardCharsets.UTF_8));
            if (!signature.verify(Base64.getDecoder().decode(text(message, "Signature")))) {
                throw EspRefusal.forbidden("esp.error.signature", "SNS signature does not match");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw EspRefusal.forbidden("esp.error.signature", e.getMessage());
        }
        return message;
    }

    /** The string AWS signs: each present field's name and value on their own lines, in the documented order. */
    static String canonical(JsonObject message) {
        String type = text(message, "Type");
        List<String> fields = "Notification".equals(type) ? NOTIFICATION_FIELDS : SUBSCRIPTION_FIELDS;
        StringBuilder out = new StringBuilder();
        for (String field : fields) {
            String value = text(message, field);
            if (value != null) {
                out.append(field).append('\n').append(value).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * A URL SNS gave (certificate, subscription confirmation) checked against the pattern, rebuilt from its parsed
     * parts so that user info or odd escapes cannot make another host look like AWS.
     */
    URI checked(String url) {
        try {
            URI uri = new URI(url == null ? "" : url);
            if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getScheme() == null) {
                throw EspRefusal.forbidden("esp.error.certificateUrl", url);
            }
            String normalized = uri.getScheme().toLowerCase() + "://" + uri.getHost().toLowerCase()
                    + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + (uri.getRawPath() == null ? "" : uri.getRawPath());
            if (!urlPattern.matcher(normalized).matches()) {
                throw EspRefusal.forbidden("esp.error.certificateUrl", url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw EspRefusal.forbidden("esp.error.certificateUrl", url);
        }
    }

    private X509Certificate certificate(String url) {
        URI uri = checked(url);
        X509Certificate cached = certificates.get(uri.toString());
        X509Certificate certificate = cached;
        if (certificate == null) {
            try {
                certificate = source.fetch(uri);
            } catch (Exception e) {
                throw EspRefusal.forbidden("esp.error.certificate", url + ": " + e);
            }
        }
        try {
            certificate.checkValidity(java.util.Date.from(clock.instant()));
        } catch (GeneralSecurityException e) {
            certificates.remove(uri.toString());
            throw EspRefusal.forbidden("esp.error.certificate", url + ": " + e.getMessage());
        }
        if (cached == null) {
            if (certificates.size() >= MAX_CACHED) {
                certificates.clear();
            }
            certificates.put(uri.toString(), certificate);
        }
        return certificate;
    }

    static JsonObject parse(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw EspRefusal.malformed("not a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            throw EspRefusal.malformed(e.getMessage());
        }
    }

    static String text(JsonObject object, String name) {
        JsonValue value = object == null ? null : object.get(name);
        if (value instanceof JsonString s) {
            return s.getString();
        }
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value.toString();
    }
}
