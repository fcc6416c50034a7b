package org.npsloop.campaigns.audience.internal.imports;

import static java.util.Map.entry;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.npsloop.campaigns.audience.imports.ColumnMapping.Column;
import org.npsloop.campaigns.audience.imports.ColumnTarget;
import org.npsloop.domain.audience.AttributeDefinition;
import org.npsloop.domain.audience.AttributeType;

/** Guesses what each column holds from its header, in French or English, and its sample values. */
final class MappingSuggester {

    /** Headers folded by {@link #key}: "Adresse e-mail" is "adresseemail", "Prénom" is "prenom". */
    private static final Map<String, ColumnTarget> HEADERS = Map.ofEntries(
            entry("email", ColumnTarget.EMAIL), entry("mail", ColumnTarget.EMAIL), entry("courriel", ColumnTarget.EMAIL),
            entry("adresseemail", ColumnTarget.EMAIL), entry("adressemail", ColumnTarget.EMAIL),
            entry("adressecourriel", ColumnTarget.EMAIL), entry("emailaddress", ColumnTarget.EMAIL),
            entry("firstname", ColumnTarget.FIRST_NAME), entry("prenom", ColumnTarget.FIRST_NAME),
            entry("givenname", ColumnTarget.FIRST_NAME),
            entry("lastname", ColumnTarget.LAST_NAME), entry("nom", ColumnTarget.LAST_NAME),
            entry("nomdefamille", ColumnTarget.LAST_NAME), entry("surname", ColumnTarget.LAST_NAME),
            entry("familyname", ColumnTarget.LAST_NAME),
            entry("language", ColumnTarget.LANGUAGE), entry("langue", ColumnTarget.LANGUAGE),
            entry("lang", ColumnTarget.LANGUAGE));
    private static final int MAX_NAME = 64;

    private MappingSuggester() {
    }

    /**
     * One column per header. A target or attribute already taken by an earlier column is not suggested
     * again (IGNORE instead), nor is an attribute whose header gives no valid name (e.g. "2e achat").
     */
    static List<Column> suggest(List<String> headers, List<List<String>> rows) {
        List<Column> columns = new ArrayList<>(headers.size());
        Set<Object> taken = new HashSet<>();
        for (int i = 0; i < headers.size(); i++) {
            Column column = guess(i, headers.get(i), rows);
            Object target = column.target() == ColumnTarget.ATTRIBUTE ? column.attribute() : column.target();
            boolean free = column.target() == ColumnTarget.IGNORE || taken.add(target);
            columns.add(free ? column : Column.of(i, ColumnTarget.IGNORE));
        }
        return columns;
    }

    private static Column guess(int index, String header, List<List<String>> rows) {
        ColumnTarget target = HEADERS.get(key(header));
        if (target != null) {
            return Column.of(index, target);
        }
        String name = attributeName(header);
        return name == null ? Column.of(index, ColumnTarget.IGNORE) : Column.attribute(index, name, guessType(samples(rows, index)));
    }

    static AttributeType guessType(List<String> samples) {
        if (samples.isEmpty()) {
            return AttributeType.TEXT;
        }
        if (allParse(samples, AttributeType.DATE)) {
            return AttributeType.DATE;
        }
        if (samples.stream().noneMatch(MappingSuggester::looksLikeCode) && allParse(samples, AttributeType.NUMBER)) {
            return AttributeType.NUMBER;
        }
        if (allParse(samples, AttributeType.BOOLEAN)) {
            return AttributeType.BOOLEAN;
        }
        return AttributeType.TEXT;
    }

    /** A leading zero or plus sign means a phone number or a postcode, whose digits must be kept as written. */
    private static boolean looksLikeCode(String value) {
        return value.startsWith("+") || value.length() > 1 && value.charAt(0) == '0' && Character.isDigit(value.charAt(1));
    }

    private static boolean allParse(List<String> samples, AttributeType type) {
        for (String sample : samples) {
            try {
                type.parse(sample);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }

    private static List<String> samples(List<List<String>> rows, int index) {
        List<String> samples = new ArrayList<>();
        for (List<String> row : rows) {
            if (index < row.size() && !row.get(index).isBlank()) {
                samples.add(row.get(index));
            }
        }
        return samples;
    }

    /** "Date d'inscription" gives date_d_inscription, "Âge" gives age; null when no valid name comes out. */
    private static String attributeName(String header) {
        String words = withoutAccents(header).replaceAll("[^A-Za-z0-9]+", " ").strip();
        if (words.length() > MAX_NAME) {
            words = words.substring(0, MAX_NAME).strip();
        }
        try {
            return AttributeDefinition.normaliseName(words);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String key(String header) {
        return withoutAccents(header).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String withoutAccents(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }
}
