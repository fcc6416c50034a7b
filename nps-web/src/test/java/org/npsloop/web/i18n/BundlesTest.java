package org.npsloop.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every text a person reads exists in English and French: each bundle of the product, walked key by key in both
 * languages. A French text identical to the English one is a forgotten translation unless every word of it is the
 * same in French (proper nouns, "NPS", "Segment"...). Every text is a valid {@link MessageFormat} pattern, and a
 * pattern with arguments has no lone apostrophe (MessageFormat silently drops it and quotes the rest of the text).
 */
class BundlesTest {

    /** Words written the same in French and in English (compared in lower case). */
    static final Set<String> SAME_IN_FRENCH = Set.of("nps", "net", "promoter", "score", "loop", "contact", "contacts",
            "audience", "publication", "publications", "version", "webhook", "invitation", "invitations", "description", "note",
            "notes", "date", "code", "segment", "segments", "condition", "message", "email", "e", "mail", "total", "action", "points",
            "verbatims", "mentions", "csv", "api", "ok", "url", "id", "json", "https", "pdf", "html", "smtp", "utc",
            "amazon", "ses", "sendgrid", "mailgun", "postmark", "dkim", "spf", "dmarc", "imap", "pop3", "dsn", "arf");

    /** The web bundle's texts are passed through MessageFormat when they have arguments; the domain's texts always are. */
    static Stream<Arguments> bundles() {
        return Stream.of(
                Arguments.of("org/npsloop/web/i18n/messages.properties", "org/npsloop/web/i18n/messages_fr.properties", false),
                Arguments.of("org/npsloop/domain/i18n/texts.properties", "org/npsloop/domain/i18n/texts_fr.properties", true),
                Arguments.of("respond/pages_en.properties", "respond/pages_fr.properties", false),
                Arguments.of("org/npsloop/campaigns/mail/labels.properties", "org/npsloop/campaigns/mail/labels_fr.properties", false),
                Arguments.of("report/labels_en.properties", "report/labels_fr.properties", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void everyKeyIsInBothLanguages(String english, String french, boolean alwaysFormatted) throws IOException {
        Map<String, String> en = load(english);
        Map<String, String> fr = load(french);
        Set<String> missingInFrench = new TreeSet<>(en.keySet());
        missingInFrench.removeAll(fr.keySet());
        Set<String> missingInEnglish = new TreeSet<>(fr.keySet());
        missingInEnglish.removeAll(en.keySet());
        assertEquals(Set.of(), missingInFrench, "keys of " + english + " missing in " + french);
        assertEquals(Set.of(), missingInEnglish, "keys of " + french + " missing in " + english);
        assertTrue(en.size() > 5, english + " is read");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("bundles")
    void everyFrenchTextIsTranslated(String english, String french, boolean alwaysFormatted) throws IOException {
        Map<String, String> en = load(english);
        List<String> untranslated = new ArrayList<>();
        load(french).forEach((key, text) -> {
            if (text.equals(en.get(key)) && !sameInFrench(text)) {
                untranslated.add(key + "=" + text);
            }
        });
        assertEquals(List.of(), untranslated, "French texts identical to the English ones in " + french);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void everyTextIsAValidPatternWithoutLoneApostrophes(String english, String french, boolean alwaysFormatted) throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String bundle : List.of(english, french)) {
            Locale locale = bundle.equals(french) ? Locale.FRENCH : Locale.ENGLISH;
            load(bundle).forEach((key, text) -> {
                boolean formatted = alwaysFormatted || ARGUMENT.matcher(text).find();
                if (!formatted) {
                    return;
                }
                try {
                    new MessageFormat(text, locale);
                } catch (IllegalArgumentException e) {
                    wrong.add(bundle + ": " + key + " does not parse: " + e.getMessage());
                    return;
                }
                if (LONE_APOSTROPHE.matcher(text).find()) {
                    wrong.add(bundle + ": " + key + " has a lone apostrophe (write '' for one): " + text);
                }
            });
        }
        assertEquals(List.of(), wrong);
    }

    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
    /** An apostrophe not doubled; quoting on purpose ('{'...) is not used in these bundles. */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");

    static boolean sameInFrench(String text) {
        String words = ARGUMENT_OR_TAG.matcher(text).replaceAll(" ");
        return WORD.matcher(words).results().map(m -> m.group().toLowerCase(Locale.ROOT)).allMatch(SAME_IN_FRENCH::contains);
    }

    private static final Pattern ARGUMENT_OR_TAG = Pattern.compile("\\{[^}]*}|<[^>]*>");

    /** A bundle as Java reads it (UTF-8, escapes resolved), keys sorted for readable failures. */
    static Map<String, String> load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no bundle " + resource + " on the class path");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        Map<String, String> texts = new TreeMap<>();
        properties.forEach((key, value) -> texts.put((String) key, (String) value));
        return texts;
    }
}
