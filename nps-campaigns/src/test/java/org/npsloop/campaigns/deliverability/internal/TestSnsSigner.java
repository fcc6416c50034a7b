package org.npsloop.campaigns.deliverability.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/**
 * An RSA key and a self-signed certificate made by the JDK's keytool (the JDK has no API to build one), signing SNS
 * messages as AWS does.
 */
final class TestSnsSigner {

    final PrivateKey key;
    final X509Certificate certificate;

    TestSnsSigner() throws Exception {
        Path dir = Files.createTempDirectory("sns-key");
        Path store = dir.resolve("sns.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "sns", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=sns.test", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit",
                "-keypass", "changeit").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        key = (PrivateKey) keyStore.getKey("sns", "changeit".toCharArray());
        certificate = (X509Certificate) keyStore.getCertificate("sns");
        Files.delete(store);
        Files.delete(dir);
    }

    String pem() throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    /** The SNS message with {@code fields}, signed (version 1 or 2) with the certificate at {@code certUrl}. */
    String sign(Map<String, String> fields, String version, String certUrl) throws Exception {
        Map<String, String> all = new TreeMap<>(fields);
        JsonObjectBuilder unsigned = Json.createObjectBuilder();
        all.forEach(unsigned::add);
        Signature signature = Signature.getInstance("1".equals(version) ? "SHA1withRSA" : "SHA256withRSA");
        signature.initSign(key);
        signature.update(SnsVerifier.canonical(unsigned.build()).getBytes(StandardCharsets.UTF_8));
        JsonObjectBuilder signed = Json.createObjectBuilder();
        all.forEach(signed::add);
        return signed.add("SignatureVersion", version).add("SigningCertURL", certUrl)
                .add("Signature", Base64.getEncoder().encodeToString(signature.sign())).build().toString();
    }
}
