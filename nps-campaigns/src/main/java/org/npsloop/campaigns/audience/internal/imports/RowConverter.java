package org.npsloop.campaigns.audience.internal.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.npsloop.campaigns.audience.imports.ColumnMapping;
import org.npsloop.campaigns.audience.imports.ColumnMapping.Column;
import org.npsloop.campaigns.audience.imports.ContactRow;
import org.npsloop.campaigns.audience.imports.ParsedRow;
import org.npsloop.campaigns.audience.imports.RejectedRow;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.audience.EmailAddress;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.i18n.Message;

/**
 * Turns a CSV record into a {@link ContactRow}, or a {@link RejectedRow} naming every bad cell: a
 * contact is stored whole or not at all.
 */
final class RowConverter {

    /** The size of contact.first_name and contact.last_name. */
    private static final int MAX_NAME = 200;
    private static final Map<String, Language> LANGUAGES = Map.of(
            "en", Language.EN, "english", Language.EN, "anglais", Language.EN,
            "fr", Language.FR, "french", Language.FR, "français", Language.FR, "francais", Language.FR);

    private final int headerSize;
    private int email = -1;
    private int firstName = -1;
    private int lastName = -1;
    private int language = -1;
    private final List<Column> attributes = new ArrayList<>();

    RowConverter(ColumnMapping mapping, int headerSize) {
        this.headerSize = headerSize;
        for (Column column : mapping.columns()) {
            if (column.index() >= headerSize) {
                throw new IllegalArgumentException("Column " + (column.index() + 1) + " is mapped but the header has "
                        + headerSize + (headerSize == 1 ? " column" : " columns"));
            }
            switch (column.target()) {
                case EMAIL -> email = column.index();
                case FIRST_NAME -> firstName = column.index();
                case LAST_NAME -> lastName = column.index();
                case LANGUAGE -> language = column.index();
                case ATTRIBUTE -> attributes.add(column);
                case IGNORE -> { }
            }
        }
    }

    ParsedRow convert(CsvSource source) {
        CSVRecord record = source.record();
        if (record == null) {
            return new RejectedRow(source.line(), Message.of("import.line.unterminatedQuote"), source.rawText());
        }
        List<Message> problems = new ArrayList<>(2);
        int extra = extraColumns(record);
        if (extra > 0) {
            problems.add(Message.of("import.line.tooManyColumns", extra));
        }

        EmailAddress address = null;
        String rawEmail = cell(record, email);
        if (rawEmail.isEmpty()) {
            problems.add(Message.of("import.line.email.missing"));
        } else {
            try {
                address = new EmailAddress(rawEmail);
            } catch (IllegalArgumentException e) {
                problems.add(Message.of("import.line.email.invalid", rawEmail));
            }
        }

        String rawLanguage = cell(record, language);
        Language lang = rawLanguage.isEmpty() ? null : language(rawLanguage);
        if (lang == null && !rawLanguage.isEmpty()) {
            problems.add(Message.of("import.line.language.unknown", rawLanguage));
        }

        String first = name(record, firstName, "import.line.firstName.tooLong", problems);
        String last = name(record, lastName, "import.line.lastName.tooLong", problems);

        Map<String, Object> values = new HashMap<>();
        for (Column attribute : attributes) {
            String raw = cell(record, attribute.index());
            if (!raw.isEmpty()) {
                try {
                    values.put(attribute.attribute(), attribute.type().parse(raw));
                } catch (IllegalArgumentException e) {
                    problems.add(valueRefused(attribute, raw));
                }
            }
        }

        return problems.isEmpty()
                ? new ContactRow(source.line(), address, first, last, lang, values)
                : new RejectedRow(source.line(), problems, source.rawText());
    }

    /**
     * Why a cell does not fit its column's type, said by the type (not by the parser's exception, whose text is
     * for developers): the only way a non-empty cell fails is not being of the type, or, for text, its length.
     */
    static Message valueRefused(Column column, String raw) {
        String key = switch (column.type()) {
            case TEXT -> "import.line.value.TEXT";
            case NUMBER -> "import.line.value.NUMBER";
            case DATE -> "import.line.value.DATE";
            case BOOLEAN -> "import.line.value.BOOLEAN";
        };
        return Message.of(key, column.attribute(), raw, AttributeType.MAX_TEXT);
    }

    /** Cells beyond the header up to the last non-blank one: trailing empty cells (a stray delimiter) are harmless. */
    private int extraColumns(CSVRecord record) {
        for (int i = record.size() - 1; i >= headerSize; i--) {
            if (!record.get(i).isBlank()) {
                return i + 1 - headerSize;
            }
        }
        return 0;
    }

    /** EN, fr, English, français... and locale tags such as fr-FR or en_GB; null when unknown. */
    private static Language language(String raw) {
        String key = raw.toLowerCase(Locale.ROOT);
        Language found = LANGUAGES.get(key);
        if (found == null && key.length() > 2 && (key.charAt(2) == '-' || key.charAt(2) == '_')) {
            found = LANGUAGES.get(key.substring(0, 2));
        }
        return found;
    }

    private static String name(CSVRecord record, int index, String tooLongKey, List<Message> problems) {
        String value = cell(record, index);
        if (value.length() > MAX_NAME) {
            problems.add(Message.of(tooLongKey, MAX_NAME));
        }
        return value.isEmpty() ? null : value;
    }

    /** The cell ({@link CsvSource#value}); empty when the column is not mapped or the record is shorter than the header. */
    private static String cell(CSVRecord record, int index) {
        return index >= 0 && index < record.size() ? CsvSource.value(record.get(index)) : "";
    }
}
