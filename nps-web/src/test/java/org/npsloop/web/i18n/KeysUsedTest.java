package org.npsloop.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every key the code names exists in its bundle (in English; {@link BundlesTest} checks French has the same keys):
 * a missing key would show the key itself, or a JSF "???key???", to a person. Keys built at run time
 * ({@code "campaign.state." + status}) are checked by their prefix.
 */
class KeysUsedTest {

    /** A literal key: lower-case dotted words, no spaces (older code passes English sentences, which are not keys). */
    private static final String KEY = "([a-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)+\\.?)";

    /** Java calls whose key is in the domain's texts (org.npsloop.domain.i18n.Message). */
    private static final List<Pattern> DOMAIN_KEYS = Stream.of(
            "Message\\.of\\(\"" + KEY + "\"",
            "(?:InvalidValueException|InvalidStateException|NotFoundException)\\(\"" + KEY + "\"",
            "(?:new InvalidInputException|new FieldError|violations\\.add|RuleChecks\\.require)\\([^,()]*(?:\\([^()]*\\))?[^,()]*,\\s*\"" + KEY + "\"")
            .map(Pattern::compile).toList();

    /** Java calls of the admin UI whose key is in the web bundle. */
    private static final List<Pattern> WEB_JAVA_KEYS = Stream.of(
            "getResourceBundle\\(\"msg\"\\)\\.getString\\(\"" + KEY + "\"",
            "\\btext\\(\"" + KEY + "\"",
            "AccountException\\(\"" + KEY + "\"",
            "uiText\\(headers, \"" + KEY + "\"")
            .map(Pattern::compile).toList();

    /** Facelets: {@code msg['key']}, {@code msg['prefix.'.concat(x)]} and {@code msg.key}. */
    private static final List<Pattern> PAGE_KEYS = Stream.of(
            "msg\\['" + KEY + "'",
            "#\\{msg\\.([a-zA-Z]+)\\}")
            .map(Pattern::compile).toList();

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

    @Test
    void everyDomainKeyTheJavaCodeNamesIsInTheTexts() throws IOException {
        Set<String> texts = BundlesTest.load("org/npsloop/domain/i18n/texts.properties").keySet();
        Set<String> found = new TreeSet<>();
        for (String module : List.of("nps-domain", "nps-campaigns", "nps-reporting", "nps-web")) {
            found.addAll(keys(REPOSITORY.resolve(module).resolve("src/main/java"), ".java", DOMAIN_KEYS));
        }
        assertTrue(found.size() > 100, "the texts' keys are found in the code: " + found.size());
        assertEquals(Set.of(), missing(found, texts), "keys used in Java but absent from texts.properties");
    }

    /** The packages of the admin pages' beans, whose texts come from messages.properties. */
    private static final List<String> ADMIN_FEATURES =
            List.of("account", "admin", "audience", "campaigns", "publications", "reports", "responses", "ui");

    @Test
    void everyWebKeyThePagesAndBeansNameIsInTheWebBundle() throws IOException {
        Map<String, String> web = BundlesTest.load("org/npsloop/web/i18n/messages.properties");
        Set<String> found = new TreeSet<>();
        found.addAll(keys(REPOSITORY.resolve("nps-web/src/main/webapp"), ".xhtml", PAGE_KEYS));
        for (String feature : ADMIN_FEATURES) {
            found.addAll(keys(REPOSITORY.resolve("nps-web/src/main/java/org/npsloop/web").resolve(feature), ".java", WEB_JAVA_KEYS));
        }
        assertTrue(found.size() > 300, "the pages' keys are found: " + found.size());
        assertEquals(Set.of(), missing(found, web.keySet()), "keys used in pages or beans but absent from messages.properties");
    }

    private static Set<String> missing(Set<String> used, Set<String> bundle) {
        Set<String> missing = new TreeSet<>();
        for (String key : used) {
            boolean present = key.endsWith(".") ? bundle.stream().anyMatch(k -> k.startsWith(key)) : bundle.contains(key);
            if (!present) {
                missing.add(key);
            }
        }
        return missing;
    }

    private static Set<String> keys(Path root, String extension, List<Pattern> patterns) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(extension)).forEach(file -> {
                String source = read(file);
                for (Pattern pattern : patterns) {
                    Matcher m = pattern.matcher(source);
                    while (m.find()) {
                        keys.add(m.group(1));
                    }
                }
            });
        }
        return keys;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
